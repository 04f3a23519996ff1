"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function submit(form: FormData) {
    const { error } = await authClient.resetPassword({ token, newPassword: String(form.get("password")) });
    if (error) setError(error.message ?? "The link has expired; ask for a new one.");
    else router.push("/sign-in");
  }

  return (
    <form action={submit} className="space-y-4">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
      />
      <Button type="submit" className="w-full">
        Set password
      </Button>
    </form>
  );
}
