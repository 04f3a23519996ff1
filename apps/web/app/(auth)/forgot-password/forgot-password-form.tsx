"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    const email = String(form.get("email"));
    // The answer is the same whether or not the address has an account.
    await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    setPending(false);
    setSent(email);
  }

  return (
    <form action={submit} className="space-y-4">
      {sent ? <Notice tone="success">If {sent} has an account, a reset link is on its way.</Notice> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Button type="submit" disabled={pending} className="w-full">
        Send reset link
      </Button>
    </form>
  );
}
