"use client";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import { PasskeySignIn } from "../two-factor/passkey-sign-in";
import { secondStepUrl } from "../two-factor/second-step-url";

/**
 * Password sign-in, an emailed one-time link instead, or a passkey alone. An account with a
 * second factor goes on from the password to /two-factor.
 */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"password" | "link">("password");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setMessage(null);
    const email = String(form.get("email"));
    if (mode === "link") {
      const { error } = await authClient.signIn.magicLink({ email, callbackURL: next });
      setPending(false);
      setMessage(
        error
          ? { tone: "error", text: error.message ?? "Could not send the link" }
          : { tone: "success", text: `We sent a sign-in link to ${email}. It works for five minutes.` },
      );
      return;
    }
    const { data, error } = await authClient.signIn.email({ email, password: String(form.get("password")) });
    setPending(false);
    if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) {
      // The password was right; the account asks for its second factor before any session.
      const methods = (data as { twoFactorMethods?: string[] }).twoFactorMethods ?? [];
      router.push(secondStepUrl(next, methods.includes("totp")));
    } else if (!error) {
      router.push(next as Route);
      router.refresh();
    } else if (error.code === "ACCOUNT_LOCKED")
      setMessage({
        tone: "error",
        text: "Too many wrong passwords for this account: password sign-in is locked for a while. If it is yours, we emailed you a link to choose a new password; signing in with an email link works too.",
      });
    else if (error.status === 429)
      setMessage({ tone: "error", text: "Too many attempts. Wait a minute and try again." });
    else if (error.code === "EMAIL_NOT_VERIFIED")
      setMessage({ tone: "error", text: "Confirm your email first: we sent you a new link." });
    else setMessage({ tone: "error", text: "Wrong email or password." });
  }

  return (
    <form action={submit} className="space-y-4">
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      {mode === "password" ? (
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "One moment…" : mode === "password" ? "Sign in" : "Email me a sign-in link"}
      </Button>
      <div className="flex items-center justify-between text-sm">
        <button
          type="button"
          className="font-medium text-brand-700 hover:underline dark:text-brand-500"
          onClick={() => setMode(mode === "password" ? "link" : "password")}
        >
          {mode === "password" ? "Sign in with an email link" : "Sign in with a password"}
        </button>
        <Link href="/forgot-password" className="text-slate-600 hover:underline dark:text-slate-400">
          Forgot password?
        </Link>
      </div>
      <PasskeySignIn next={next} label="Sign in with a passkey" />
    </form>
  );
}
