import { webEnv } from "@port443/config/web";
import type { Metadata } from "next";
import { safeNext } from "@/lib/safe-next";
import { PasskeySignIn } from "./passkey-sign-in";
import { TwoFactorForm } from "./two-factor-form";

export const metadata: Metadata = { title: "Second step" };

/**
 * After a right password (or an emailed link) for an account with a second factor: a code from
 * the authenticator app, a backup code, or a passkey. No session exists until one is given.
 */
export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; methods?: string }>;
}) {
  const { next, methods } = await searchParams;
  const target = safeNext(next, webEnv().PUBLIC_URL);
  const code = methods !== "passkey";
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Second step</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        {code
          ? "Enter the 6-digit code from your authenticator app, or use a passkey."
          : "Use one of your passkeys to finish signing in."}
      </p>
      <div className="space-y-4">
        {code ? <TwoFactorForm next={target} /> : null}
        <PasskeySignIn next={target} label="Use a passkey" />
      </div>
    </>
  );
}
