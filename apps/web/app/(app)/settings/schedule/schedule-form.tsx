"use client";
import { useActionState } from "react";
import { IntervalField } from "@/components/interval-field";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { describeInterval } from "@/lib/interval";
import { saveTeamSchedule } from "./actions";

interface TeamSchedule {
  defaultWatchIntervalSeconds: number;
  defaultScanIntervalSeconds: number;
}

export function ScheduleForm({
  schedule,
  minimumSeconds,
}: {
  schedule: TeamSchedule;
  minimumSeconds: number;
}) {
  const [state, action, pending] = useActionState(saveTeamSchedule, undefined);
  const shown = { ...schedule, ...state?.submitted };
  return (
    // Remounted when the values to show change (see DomainScheduleForm).
    <form
      key={`${shown.defaultWatchIntervalSeconds}/${shown.defaultScanIntervalSeconds}`}
      action={action}
      className="max-w-xl space-y-4"
    >
      {state?.error ? (
        <Notice tone="error">{state.error}</Notice>
      ) : state?.saved ? (
        <Notice tone="success">Saved.</Notice>
      ) : null}
      <IntervalField
        label="Watch probe every"
        name="defaultWatchIntervalSeconds"
        seconds={shown.defaultWatchIntervalSeconds}
        hint={`One handshake per address. At least ${describeInterval(minimumSeconds)} on this deployment, at most a day.`}
        error={state?.fieldErrors?.defaultWatchIntervalSeconds}
      />
      <IntervalField
        label="Deep scan every"
        name="defaultScanIntervalSeconds"
        seconds={shown.defaultScanIntervalSeconds}
        hint="The full scan, at least every 5 minutes and at most every 7 days; a change a watch probe sees brings it forward."
        error={state?.fieldErrors?.defaultScanIntervalSeconds}
      />
      <Button type="submit" disabled={pending}>
        Save schedule
      </Button>
    </form>
  );
}
