"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { confirmRecipientAction } from "./actions";

export function ConfirmRecipientForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(() => confirmRecipientAction(token), undefined);
  if (state?.confirmed)
    return (
      <Notice tone="success">
        Confirmed: {state.confirmed.email} now receives the alerts of {state.confirmed.team}.
      </Notice>
    );
  return (
    <form action={action} className="space-y-4">
      {state?.error ? <Notice tone="error">{state.error}</Notice> : null}
      <Button type="submit" disabled={pending}>
        Confirm alerts
      </Button>
    </form>
  );
}
