"use client";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";

/**
 * Sign-in with a passkey: on its own (the authenticator checks it is you, so it is two factors in
 * one) or to finish a sign-in a password or an emailed link began.
 */
export function PasskeySignIn({ next, label }: { next: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function signIn() {
    setPending(true);
    setError(null);
    const { error: failed } = await authClient.signIn.passkey();
    setPending(false);
    const code = failed && "code" in failed ? failed.code : undefined;
    if (!failed) {
      router.push(next as Route);
      router.refresh();
    } else if (code === "ACCOUNT_LOCKED")
      setError(
        "Too many failed attempts for this account: sign-in is locked for a while. If it is yours, we emailed you a link to choose a new password.",
      );
    else if (failed.status === 429) setError("Too many attempts. Wait a minute and try again.");
    else if (code === "AUTH_CANCELLED" || code === "ERROR_CEREMONY_ABORTED")
      setError("No passkey was used. Try again, or sign in another way.");
    else setError("That passkey was not accepted. Try again, or sign in another way.");
  }

  return (
    <div className="space-y-2">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="button" variant="secondary" className="w-full" disabled={pending} onClick={signIn}>
        {pending ? "Waiting for your passkey…" : label}
      </Button>
    </div>
  );
}
