"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createTeam } from "./actions";

export function CreateTeamForm() {
  const [state, action, pending] = useActionState(createTeam, undefined);
  return (
    <form action={action} className="space-y-4">
      <Field
        label="Team name"
        name="name"
        placeholder="Acme Platform"
        required
        minLength={2}
        error={state?.error}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
