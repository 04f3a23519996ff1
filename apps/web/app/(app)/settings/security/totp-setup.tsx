"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import { BackupCodes } from "./backup-codes";
import { QrCode } from "./qr-code";

type Step =
  | { at: "password" }
  | { at: "scan"; uri: string; codes: string[] }
  | { at: "codes"; codes: string[] };

/**
 * Setting up an authenticator app: the password, then the app scans the QR code (or takes the
 * key typed in) and proves it with a code, then the backup codes, once. Nothing changes for
 * sign-in until the code is accepted.
 */
export function TotpSetup({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState<Step>({ at: "password" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start(form: FormData) {
    setPending(true);
    setError(null);
    const { data, error: failed } = await authClient.twoFactor.enable({
      password: String(form.get("password")),
    });
    setPending(false);
    if (failed || !data || !("totpURI" in data) || !data.totpURI)
      setError(
        failed?.code === "INVALID_PASSWORD"
          ? "That is not your password."
          : (failed?.message ?? "Could not start."),
      );
    else setStep({ at: "scan", uri: data.totpURI, codes: data.backupCodes ?? [] });
  }

  async function confirm(form: FormData, scan: Extract<Step, { at: "scan" }>) {
    setPending(true);
    setError(null);
    const code = String(form.get("code")).replace(/\s/g, "");
    const { error: failed } = await authClient.twoFactor.verifyTotp({ code });
    setPending(false);
    if (failed) setError("That code is not right. Check the app's clock and try the current code.");
    else setStep({ at: "codes", codes: scan.codes });
  }

  if (step.at === "password")
    return (
      <form action={start} className="max-w-sm space-y-3">
        {error ? <Notice tone="error">{error}</Notice> : null}
        <Field
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Button type="submit" disabled={pending}>
          Set up an authenticator app
        </Button>
      </form>
    );
  if (step.at === "scan") {
    const key = new URL(step.uri).searchParams.get("secret") ?? "";
    return (
      <form action={(form) => confirm(form, step)} className="space-y-4">
        {error ? <Notice tone="error">{error}</Notice> : null}
        <p className="text-sm">
          Scan this code with your authenticator app (1Password, Google Authenticator, Authy, …), then enter
          the 6-digit code it shows.
        </p>
        <QrCode value={step.uri} label="QR code for your authenticator app" />
        <p className="text-sm">
          Or type this key into the app:{" "}
          <code data-testid="totp-key" className="break-all font-mono">
            {key.replace(/(.{4})/g, "$1 ").trim()}
          </code>
        </p>
        <Field
          label="Code from the app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          className="w-40"
          required
        />
        <Button type="submit" disabled={pending}>
          Turn on
        </Button>
      </form>
    );
  }
  return (
    <div className="space-y-4">
      <Notice tone="success">
        The authenticator app is on: sign-in now asks for its code after your password.
      </Notice>
      <BackupCodes codes={step.codes} />
      <Button type="button" onClick={onDone}>
        I have saved them
      </Button>
    </div>
  );
}
