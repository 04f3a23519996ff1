"use client";
import { useActionState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { notifyResult } from "@/lib/notify";
import { addWebhookAction, deleteWebhookAction, sendTestAction } from "./actions";

export function AddWebhookForm() {
  const [state, action, pending] = useActionState(addWebhookAction, undefined);
  return (
    <form action={action} className="max-w-xl space-y-4">
      {state?.error ? <Notice tone="error">{state.error}</Notice> : null}
      {state?.secret ? (
        <Notice tone="success">
          Signing secret (verify <code>X-Port443-Signature</code> with it):{" "}
          <code className="break-all">{state.secret}</code>
        </Notice>
      ) : null}
      <Field
        label="Receiver URL"
        name="url"
        type="url"
        placeholder="https://hooks.example.com/port443"
        required
      />
      <Select label="Format" name="kind">
        <option value="generic">Signed JSON</option>
        <option value="slack">Slack incoming webhook</option>
      </Select>
      <Button type="submit" disabled={pending}>
        Add webhook
      </Button>
    </form>
  );
}

export function WebhookRowActions({ webhookId, url }: { webhookId: string; url: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            notifyResult(
              await sendTestAction(webhookId),
              "Test queued; its delivery shows here in a moment.",
            );
          })
        }
      >
        Send test
      </Button>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" disabled={pending} className="text-red-700 dark:text-red-400">
            Delete
          </Button>
        }
        title="Delete this webhook?"
        description={`Port443 stops sending alerts to ${url}.`}
        confirmLabel="Delete webhook"
        onConfirm={async () => {
          notifyResult(await deleteWebhookAction(webhookId), "Webhook deleted");
        }}
      />
    </span>
  );
}
