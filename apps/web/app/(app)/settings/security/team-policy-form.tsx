"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { saveTeamPolicy } from "./actions";

/** The owner's switch: every member must have a second factor to reach the team's pages. */
export function TeamPolicyForm({ team, required }: { team: string; required: boolean }) {
  const [state, action, pending] = useActionState(saveTeamPolicy, undefined);
  return (
    <form action={action} className="space-y-3">
      {state?.error ? <Notice tone="error">{state.error}</Notice> : null}
      {state?.saved ? (
        <Notice tone="success">
          {state.saved.required
            ? `Two-factor sign-in is required in ${team}. ${
                state.saved.membersWithout === 1
                  ? "1 member has no second factor yet and"
                  : `${state.saved.membersWithout} members have no second factor yet and`
              } will be asked to set one up before their next page.`
            : `Two-factor sign-in is no longer required in ${team}.`}
        </Notice>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={required} />
        Require two-factor sign-in (an authenticator app or a passkey) for every member of {team}
      </label>
      <Button type="submit" disabled={pending}>
        Save
      </Button>
    </form>
  );
}
