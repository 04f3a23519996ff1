"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { savePrivateCa } from "./actions";

export function PrivateCaForm({ hasBundle }: { hasBundle: boolean }) {
  const [state, action, pending] = useActionState(savePrivateCa, undefined);
  return (
    <form action={action} className="max-w-xl space-y-4">
      {state?.error ? <Notice tone="error">{state.error}</Notice> : null}
      {state?.subjects ? (
        <Notice tone="success">
          {state.subjects.length
            ? `Trusting ${state.subjects.length} CA certificate(s): ${state.subjects.join("; ")}`
            : "Private CA removed."}
        </Notice>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="file" className="block text-sm font-medium">
          PEM bundle file
        </label>
        <input id="file" name="file" type="file" accept=".pem,.crt,.cer,text/plain" className="text-sm" />
      </div>
      <div className="space-y-1">
        <label htmlFor="pem" className="block text-sm font-medium">
          Or paste it
        </label>
        <textarea
          id="pem"
          name="pem"
          rows={6}
          placeholder="-----BEGIN CERTIFICATE-----"
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
        />
      </div>
      {hasBundle ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="remove" /> Remove the current bundle
        </label>
      ) : null}
      <Button type="submit" disabled={pending}>
        Save
      </Button>
    </form>
  );
}
