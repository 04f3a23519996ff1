"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createKeyAction } from "./actions";

export function CreateKeyForm() {
  const [state, action, pending] = useActionState(createKeyAction, undefined);
  return (
    <form action={action} className="space-y-4">
      {state?.error ? <Notice tone="error">{state.error}</Notice> : null}
      {state?.secret ? (
        <Notice tone="success">
          <p className="font-medium">Copy the key now: it is shown only once.</p>
          <code data-testid="new-api-key" className="mt-1 block break-all font-mono">
            {state.secret}
          </code>
        </Notice>
      ) : null}
      <Field label="Name" name="name" placeholder="GitHub Actions deploy gate" required />
      <fieldset>
        <legend className="text-sm font-medium">Scopes</legend>
        {(["read", "write", "scan"] as const).map((scope) => (
          <label key={scope} className="mr-4 inline-flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={scope !== "write"} /> {scope}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        Create key
      </Button>
    </form>
  );
}
