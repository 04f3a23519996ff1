"use client";
import type { EffectivePolicy } from "@port443/monitoring";
import { severities } from "@port443/scanner/report";
import type { getRecipientStates } from "@port443/services";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { expiryModeHints } from "@/lib/expiry-mode";
import { saveAlertPolicy } from "./actions";

type Recipients = Awaited<ReturnType<typeof getRecipientStates>>;

export function PolicyForm({ policy, recipients }: { policy: EffectivePolicy; recipients: Recipients }) {
  const [state, action, pending] = useActionState(saveAlertPolicy, undefined);
  const checkbox = (name: keyof EffectivePolicy, label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={Boolean(policy[name])} /> {label}
    </label>
  );
  return (
    <form action={action} className="max-w-xl space-y-4">
      {state?.error ? (
        <Notice tone="error">{state.error}</Notice>
      ) : state?.saved ? (
        <Notice tone="success">Saved.</Notice>
      ) : null}
      <div className="space-y-1">
        <Select label="Expiry alerts" name="expiryMode" defaultValue={policy.expiryMode}>
          <option value="lifetime">Lifetime-aware (recommended)</option>
          <option value="fixed">Fixed days before expiry</option>
        </Select>
        <dl className="space-y-1 text-xs text-slate-600 dark:text-slate-400">
          <dt className="font-medium">Lifetime-aware</dt>
          <dd>{expiryModeHints.lifetime}</dd>
          <dt className="font-medium">Fixed days</dt>
          <dd>{expiryModeHints.fixed}</dd>
        </dl>
      </div>
      <Field
        label="Warn this many days before expiry"
        name="expiryThresholds"
        defaultValue={policy.expiryThresholds.join(", ")}
        hint="Each fires once per certificate, e.g. 30, 14, 7, 3, 1. Lifetime-aware: only for certificates valid longer than 200 days."
      />
      <Select
        label="Alert on weak configuration from severity"
        name="minSeverity"
        defaultValue={policy.minSeverity}
      >
        {severities.map((severity) => (
          <option key={severity}>{severity}</option>
        ))}
      </Select>
      <Field
        label="Failed scans in a row before alerting"
        name="failingScanThreshold"
        type="number"
        min={1}
        max={20}
        defaultValue={policy.failingScanThreshold}
      />
      <Field
        label="Recipients"
        name="recipients"
        defaultValue={policy.recipients.join(", ")}
        hint="Email addresses; empty means the team's owners and admins. An address outside the team receives alerts once it confirms the link emailed to it; until one does, alerts go to owners and admins."
      />
      <RecipientList recipients={recipients} />
      {checkbox("notifyGradeDrop", "Alert when the grade drops")}
      {checkbox("notifyCertChange", "Notify when a domain serves a new certificate")}
      {checkbox("dailyDigest", "One digest email a day instead of one per alert")}
      <Grouping policy={policy} />
      <Button type="submit" disabled={pending}>
        Save policy
      </Button>
    </form>
  );
}

/** Named recipients outside the team and whether they confirmed; members' addresses need nothing. */
function RecipientList({ recipients }: { recipients: Recipients }) {
  const outside = recipients.filter((recipient) => recipient.status !== "member");
  if (!outside.length) return null;
  return (
    <ul aria-label="Recipients outside the team" className="space-y-1 text-sm">
      {outside.map(({ email, status }) => (
        <li key={email} className="flex flex-wrap items-center gap-2">
          <span>{email}</span>
          <span
            className={
              status === "confirmed"
                ? "rounded bg-emerald-100 px-1.5 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
                : "rounded bg-amber-100 px-1.5 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-300"
            }
          >
            {status}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Grouping timings, in the units people think in (the service stores seconds): how long a new
 * group's first message waits for other domains, how often follow-ups go out, and reminders.
 */
function Grouping({ policy }: { policy: EffectivePolicy }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Grouping</legend>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Alerts with one cause (a failing address, a certificate, an intermediate, a finding) go out as one
        message listing their domains. Expired and revoked certificates never wait longer than the group wait.
      </p>
      <Field
        label="Group wait (seconds)"
        name="groupWaitSeconds"
        type="number"
        required
        min={0}
        max={3600}
        defaultValue={policy.groupWaitSeconds}
        hint="How long a new group's first message waits for other domains to join."
      />
      <Field
        label="Group interval (minutes)"
        name="groupIntervalMinutes"
        type="number"
        required
        min={1 / 60}
        max={1440}
        step="any"
        defaultValue={policy.groupIntervalSeconds / 60}
        hint="Domains that join an open group, and recoveries, go out at most this often."
      />
      <Field
        label="Repeat interval (hours)"
        name="repeatIntervalHours"
        type="number"
        required
        min={1 / 3600}
        max={720}
        step="any"
        defaultValue={policy.repeatIntervalSeconds ? policy.repeatIntervalSeconds / 3600 : 24}
        hint="A group still open and not acknowledged is reminded at most this often."
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="repeatNever" defaultChecked={policy.repeatIntervalSeconds === 0} /> Never
        remind
      </label>
    </fieldset>
  );
}
