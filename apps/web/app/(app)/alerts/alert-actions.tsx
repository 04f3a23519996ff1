"use client";
import { useState, useTransition } from "react";
import { acknowledgeAction, muteAction } from "./actions";

const muteChoices = [
  { hours: 1, label: "1 hour" },
  { hours: 4, label: "4 hours" },
  { hours: 24, label: "1 day" },
  { hours: 168, label: "1 week" },
];

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
      <label className="sr-only" htmlFor={`mute-${alertId}`}>
        Mute the domain
      </label>
      <select
        id={`mute-${alertId}`}
        disabled={pending}
        defaultValue=""
        onChange={(event) => {
          const hours = Number(event.target.value);
          if (event.target.value) run(() => muteAction(domainId, hours));
        }}
        className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">Mute domain…</option>
        {muteChoices.map((choice) => (
          <option key={choice.hours} value={choice.hours}>
            for {choice.label}
          </option>
        ))}
        <option value="0">unmute</option>
      </select>
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
