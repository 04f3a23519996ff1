"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import { BackupCodes } from "./backup-codes";

/** An app that is on: new backup codes, or turning it off; each asks for the password again. */
export function TotpManage() {
  const router = useRouter();
  const [action, setAction] = useState<"off" | "codes" | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    const password = String(form.get("password"));
    if (action === "off") {
      const { error: failed } = await authClient.twoFactor.disable({ password });
      setPending(false);
      if (failed)
        return setError(
          failed.code === "INVALID_PASSWORD"
            ? "That is not your password."
            : (failed.message ?? "Could not turn it off."),
        );
      setAction(null);
      router.refresh();
      return;
    }
    const { data, error: failed } = await authClient.twoFactor.generateBackupCodes({ password });
    setPending(false);
    if (failed || !data)
      return setError(
        failed?.code === "INVALID_PASSWORD" ? "That is not your password." : "Could not make new codes.",
      );
    setCodes(data.backupCodes);
    setAction(null);
  }

  return (
    <div className="space-y-4">
      {codes ? <BackupCodes codes={codes} /> : null}
      {action ? (
        <form action={submit} className="max-w-sm space-y-3">
          {error ? <Notice tone="error">{error}</Notice> : null}
          <Field
            label={
              action === "off" ? "Your password, to turn the app off" : "Your password, for new backup codes"
            }
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <div className="flex gap-2">
            <Button type="submit" variant={action === "off" ? "danger" : "primary"} disabled={pending}>
              {action === "off" ? "Turn off" : "Make new codes"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setAction(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => setAction("codes")}>
            New backup codes
          </Button>
          <Button type="button" variant="secondary" onClick={() => setAction("off")}>
            Turn off the app
          </Button>
        </div>
      )}
    </div>
  );
}
