"use client";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";

/** The message for a refused code; the sign-in's own limits speak for themselves. */
function refusal(error: { code?: string; status: number }): { text: string; expired?: boolean } {
  if (error.code === "ACCOUNT_LOCKED")
    return {
      text: "Too many wrong codes for this account: its second step is locked for a while. If it is yours, we emailed you a link to choose a new password.",
    };
  if (error.status === 429) return { text: "Too many attempts. Wait a minute and try again." };
  if (error.code === "INVALID_TWO_FACTOR_COOKIE" || error.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE")
    return { text: "This sign-in has expired or had too many wrong codes.", expired: true };
  return { text: "That code is not right. Codes change every 30 seconds; try the current one." };
}

/** A code from the authenticator app, or one of the backup codes (each works once). */
export function TwoFactorForm({ next }: { next: string }) {
  const router = useRouter();
  const [backup, setBackup] = useState(false);
  const [message, setMessage] = useState<{ text: string; expired?: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setMessage(null);
    const code = String(form.get("code")).trim();
    const { error } = backup
      ? await authClient.twoFactor.verifyBackupCode({ code })
      : await authClient.twoFactor.verifyTotp({ code: code.replace(/\s/g, "") });
    setPending(false);
    if (!error) {
      router.push(next as Route);
      router.refresh();
    } else setMessage(refusal(error));
  }

  return (
    <form action={submit} className="space-y-4">
      {message ? (
        <Notice tone="error">
          {message.text}{" "}
          {message.expired ? (
            <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="font-medium underline">
              Sign in again
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {backup ? (
        <Field
          key="backup"
          label="Backup code"
          name="code"
          autoComplete="off"
          placeholder="xxxxx-xxxxx"
          required
        />
      ) : (
        <Field
          key="totp"
          label="Code from your authenticator app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
        />
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Checking…" : "Continue"}
      </Button>
      <button
        type="button"
        className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500"
        onClick={() => setBackup(!backup)}
      >
        {backup ? "Use a code from the app" : "Use a backup code instead"}
      </button>
    </form>
  );
}
