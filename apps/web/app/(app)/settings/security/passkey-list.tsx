"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";

export interface PasskeyRow {
  id: string;
  name: string | null;
  createdAt: string;
}

/**
 * The account's passkeys: added with the device's own check (fingerprint, face, PIN), removed
 * with the password. Each signs in alone or finishes a password sign-in.
 */
export function PasskeyList({ passkeys, onAdded }: { passkeys: PasskeyRow[]; onAdded?: () => void }) {
  const router = useRouter();
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function add(form: FormData) {
    setPending(true);
    setError(null);
    const name = String(form.get("name") ?? "").trim();
    const { error: failed } = await authClient.passkey.addPasskey({ name: name || "Passkey" });
    setPending(false);
    if (failed)
      return setError(
        "code" in failed && failed.code === "ERROR_CEREMONY_ABORTED"
          ? "No passkey was made."
          : (failed.message ?? "Could not add it."),
      );
    if (onAdded) onAdded();
    else router.refresh();
  }

  async function remove(form: FormData) {
    if (!removing) return;
    setPending(true);
    setError(null);
    const { error: failed } = await authClient.passkey.deletePasskey({
      id: removing,
      password: String(form.get("password")),
    } as { id: string });
    setPending(false);
    if (failed)
      return setError(
        failed.code === "INVALID_PASSWORD"
          ? "That is not your password."
          : (failed.message ?? "Could not remove it."),
      );
    setRemoving(null);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {error ? <Notice tone="error">{error}</Notice> : null}
      {passkeys.length ? (
        <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800" aria-label="Passkeys">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex items-center justify-between gap-4 py-2">
              <span>
                <span className="font-medium">{passkey.name || "Passkey"}</span>{" "}
                <span className="text-slate-600 dark:text-slate-400">added {passkey.createdAt}</span>
              </span>
              <Button type="button" size="sm" variant="ghost" onClick={() => setRemoving(passkey.id)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {removing ? (
        <form action={remove} className="max-w-sm space-y-3">
          <Field
            label="Your password, to remove the passkey"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              Remove passkey
            </Button>
            <Button type="button" variant="ghost" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <form action={add} className="flex max-w-md flex-wrap items-end gap-2">
          <Field label="Name (optional)" name="name" placeholder="Work laptop" className="w-56" />
          <Button type="submit" disabled={pending}>
            {pending ? "Waiting for your device…" : "Add a passkey"}
          </Button>
        </form>
      )}
    </div>
  );
}
