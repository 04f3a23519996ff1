"use client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { notifyResult } from "@/lib/notify";
import { revokeKeyAction } from "./actions";

/** Revoking is immediate and final: pipelines using the key start getting 401. */
export function RevokeKeyButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-red-700 dark:text-red-400">
          Revoke
        </Button>
      }
      title={`Revoke “${name}”?`}
      description="Every pipeline or script using this key is refused (401) from now on. This cannot be undone."
      confirmLabel="Revoke key"
      onConfirm={async () => {
        notifyResult(await revokeKeyAction(apiKeyId), `Key “${name}” revoked`);
      }}
    />
  );
}
