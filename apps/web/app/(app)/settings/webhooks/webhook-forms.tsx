"use client";
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
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
      <label className="block text-sm">
        <span className="mb-1 block font-medium">Format</span>
        <select
          name="kind"
          className="rounded-md border border-slate-300 px-2 py-2 dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="generic">Signed JSON</option>
          <option value="slack">Slack incoming webhook</option>
        </select>
      </label>
      <Button type="submit" disabled={pending}>
        Add webhook
      </Button>
    </form>
  );
}

export function WebhookRowActions({ webhookId }: { webhookId: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-3">
      <button
        type="button"
        disabled={pending}
        className="text-brand-700 hover:underline dark:text-brand-500"
        onClick={() =>
          startTransition(async () => {
            const result = await sendTestAction(webhookId);
            setMessage(result.error ?? "Test sent; its delivery shows here in a moment.");
          })
        }
      >
        Send test
      </button>
      <button
        type="button"
        disabled={pending}
        className="text-red-700 hover:underline dark:text-red-400"
        onClick={() =>
          startTransition(async () => setMessage((await deleteWebhookAction(webhookId)).error ?? null))
        }
      >
        Delete
      </button>
      {message ? (
        <span role="status" className="text-slate-600 dark:text-slate-400">
          {message}
        </span>
      ) : null}
    </span>
  );
}
