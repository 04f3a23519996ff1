"use client";
import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { IntervalField } from "@/components/interval-field";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { describeInterval, intervalParts } from "@/lib/interval";
import { saveDomainScheduleAction } from "./actions";

interface Intervals {
  /** The domain's own, null where it takes the team's. */
  watchIntervalSeconds: number | null;
  scanIntervalSeconds: number | null;
}

/** The domain's own intervals; a blank field takes the team's default. */
export function DomainScheduleForm({
  domainId,
  own,
  team,
}: {
  domainId: string;
  own: Intervals;
  team: { watchSeconds: number; deepSeconds: number };
}) {
  const [state, action, pending] = useActionState(saveDomainScheduleAction.bind(null, domainId), undefined);
  useEffect(() => {
    if (state?.saved) toast.success("Schedule for this domain saved");
  }, [state]);
  const shown = (state?.submitted ?? own) as Intervals;
  return (
    <details open={Boolean(state?.error || state?.fieldErrors)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-500">
        Set this domain's intervals
      </summary>
      {/* Remounted when the values to show change (saved, or refused as submitted): a select keeps
          its first default otherwise, and React's reset after the action would show that. */}
      <form
        key={`${shown.watchIntervalSeconds}/${shown.scanIntervalSeconds}`}
        action={action}
        className="mt-4 grid max-w-2xl gap-4 sm:grid-cols-2"
      >
        {state?.error ? (
          <div className="sm:col-span-2">
            <Notice tone="error">{state.error}</Notice>
          </div>
        ) : null}
        <IntervalField
          label="Watch probe every"
          name="watchIntervalSeconds"
          seconds={shown.watchIntervalSeconds}
          unitSeconds={intervalParts(team.watchSeconds).unitSeconds}
          optional
          hint={`Blank: the team's default, every ${describeInterval(team.watchSeconds)}.`}
          error={state?.fieldErrors?.watchIntervalSeconds}
        />
        <IntervalField
          label="Deep scan every"
          name="scanIntervalSeconds"
          seconds={shown.scanIntervalSeconds}
          unitSeconds={intervalParts(team.deepSeconds).unitSeconds}
          optional
          hint={`Blank: the team's default, every ${describeInterval(team.deepSeconds)}.`}
          error={state?.fieldErrors?.scanIntervalSeconds}
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            Save intervals
          </Button>
        </div>
      </form>
    </details>
  );
}
