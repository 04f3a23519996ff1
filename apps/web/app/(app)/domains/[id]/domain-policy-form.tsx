"use client";
import { severities } from "@port443/scanner/report";
import type { getDomainAlertPolicy } from "@port443/services";
import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { saveDomainPolicyAction } from "./actions";

type DomainPolicy = Awaited<ReturnType<typeof getDomainAlertPolicy>>;

const onOff = ["on", "off"] as const;
const flag = (value: boolean | null | undefined) => (value == null ? null : value ? "on" : "off");

/** A setting the domain may take from the team ("team default", the blank choice) or set itself. */
function InheritSelect({
  label,
  name,
  value,
  teamValue,
  options,
}: {
  label: string;
  name: string;
  value: string | null | undefined;
  teamValue: string | null;
  options: readonly string[];
}) {
  return (
    <Select label={label} name={name} defaultValue={value ?? ""}>
      <option value="">team default ({teamValue})</option>
      {options.map((option) => (
        <option key={option}>{option}</option>
      ))}
    </Select>
  );
}

/** Overrides for one domain: a blank field or "team default" inherits the team's setting. */
export function DomainPolicyForm({ domainId, policy }: { domainId: string; policy: DomainPolicy }) {
  const [state, action, pending] = useActionState(saveDomainPolicyAction.bind(null, domainId), undefined);
  const { team, override } = policy;
  useEffect(() => {
    if (state?.saved) toast.success("Alert policy for this domain saved");
  }, [state]);
  return (
    <details open={Boolean(state?.error)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-500">
        Override for this domain
      </summary>
      <form action={action} className="mt-4 grid max-w-2xl gap-4 sm:grid-cols-2">
        {state?.error ? (
          <div className="sm:col-span-2">
            <Notice tone="error">{state.error}</Notice>
          </div>
        ) : null}
        <InheritSelect
          label="Expiry alerts"
          name="expiryMode"
          value={override?.expiryMode}
          teamValue={team.expiryMode}
          options={["lifetime", "fixed"]}
        />
        <Field
          label="Warn this many days before expiry"
          name="expiryThresholds"
          defaultValue={override?.expiryThresholds?.join(", ") ?? ""}
          placeholder={team.expiryThresholds.join(", ")}
          hint="Blank: the team's thresholds."
        />
        <Field
          label="Failed scans in a row before alerting"
          name="failingScanThreshold"
          type="number"
          min={1}
          max={20}
          defaultValue={override?.failingScanThreshold ?? ""}
          placeholder={String(team.failingScanThreshold)}
          hint="Blank: the team's setting."
        />
        <InheritSelect
          label="Alert on weak configuration from severity"
          name="minSeverity"
          value={override?.minSeverity}
          teamValue={team.minSeverity}
          options={severities}
        />
        <InheritSelect
          label="Alert when the grade drops"
          name="notifyGradeDrop"
          value={flag(override?.notifyGradeDrop)}
          teamValue={flag(team.notifyGradeDrop)}
          options={onOff}
        />
        <InheritSelect
          label="Notify when a new certificate is served"
          name="notifyCertChange"
          value={flag(override?.notifyCertChange)}
          teamValue={flag(team.notifyCertChange)}
          options={onOff}
        />
        <Field
          label="Recipients"
          name="recipients"
          defaultValue={override?.recipients?.join(", ") ?? ""}
          placeholder={team.recipients.join(", ") || "owners and admins"}
          hint="Email addresses for this domain's alerts; blank: the team's."
        />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            Save overrides
          </Button>
          {override ? (
            <Button type="submit" name="intent" value="reset" variant="secondary" disabled={pending}>
              Use the team policy
            </Button>
          ) : null}
        </div>
      </form>
    </details>
  );
}
