"use client";
import { useState, useTransition } from "react";
import { MuteSelect } from "@/components/mute-select";
import { acknowledgeAction, muteAction } from "@/server/actions/alerts";

/** Acknowledge the alert, or mute its domain for a deploy or maintenance window. */
export function AlertActions({
  alertId,
  domainId,
  acknowledged,
}: {
  alertId: string;
  domainId: string;
  acknowledged: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<{ error?: string }>) =>
    startTransition(async () => setError((await work()).error ?? null));
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {!acknowledged ? (
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => acknowledgeAction(alertId))}
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Acknowledge
        </button>
      ) : null}
      <MuteSelect
        id={`mute-${alertId}`}
        disabled={pending}
        onMute={(hours) => run(() => muteAction(domainId, hours))}
      />
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
