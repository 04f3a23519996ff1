import type { EffectivePolicy } from "@port443/monitoring";
import { describeSpan, type RenewalInfo } from "@port443/scanner";
import type { getDomainAlertPolicy } from "@port443/services";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/relative-time";
import { Panel } from "@/components/ui/panel";
import { TableHeader } from "@/components/ui/table-header";
import { DomainPolicyForm } from "./domain-policy-form";

type DomainPolicy = Awaited<ReturnType<typeof getDomainAlertPolicy>>;
type Overridable = keyof NonNullable<DomainPolicy["override"]>;

const onOff = (value: boolean) => (value ? "on" : "off");

/** The served certificate, as the expiry mode's sentence needs it. */
interface CurrentCertificate {
  notBefore: Date;
  renewal: RenewalInfo;
}

/**
 * What the expiry mode means for the certificate served now, in words: when it renews and by
 * when we alert ("renews every ~4 days; we alert if it is not replaced by 9 Dec 2026, 12:00 UTC").
 */
export function expiryModeSentence(
  policy: EffectivePolicy,
  certificate: CurrentCertificate | null,
): ReactNode {
  const thresholds = `${policy.expiryThresholds.join(", ")} days before expiry`;
  if (policy.expiryMode === "fixed") return `fixed days: we warn ${thresholds}`;
  if (!certificate) return "lifetime-aware";
  const { renewal } = certificate;
  if (!renewal.tracked) {
    return `lifetime-aware: this certificate is valid for ${Math.round(renewal.lifetimeDays)} days, longer than the 200 CAs issue now, so we warn ${thresholds}`;
  }
  const every = describeSpan(new Date(renewal.dueAt).getTime() - certificate.notBefore.getTime());
  const basis = renewal.source === "ari" ? "its CA's renewal window ends" : `renews every ~${every}`;
  return (
    <>
      lifetime-aware: {basis}; we alert if it is not replaced by <RelativeTime at={renewal.overdueAt} exact />
    </>
  );
}

/** Each overridable setting and how its value reads. */
const policyRows: {
  key: Overridable;
  label: string;
  show(policy: EffectivePolicy, certificate: CurrentCertificate | null): ReactNode;
}[] = [
  { key: "expiryMode", label: "Expiry alerts", show: expiryModeSentence },
  {
    key: "expiryThresholds",
    label: "Warn before expiry",
    show: (policy) => `${policy.expiryThresholds.join(", ")} days`,
  },
  { key: "minSeverity", label: "Weak configuration from", show: (policy) => policy.minSeverity },
  { key: "notifyGradeDrop", label: "Grade dropped", show: (policy) => onOff(policy.notifyGradeDrop) },
  {
    key: "notifyCertChange",
    label: "New certificate served",
    show: (policy) => onOff(policy.notifyCertChange),
  },
  {
    key: "failingScanThreshold",
    label: "Failing scans before alerting",
    show: (policy) => String(policy.failingScanThreshold),
  },
  {
    key: "recipients",
    label: "Email recipients",
    show: (policy) => policy.recipients.join(", ") || "owners and admins",
  },
];

/** Which alerts this domain raises and to whom, where each setting comes from, and (admins) overrides. */
export function AlertPolicySection({
  domainId,
  policy,
  certificate,
  canEdit,
}: {
  domainId: string;
  policy: DomainPolicy;
  certificate: CurrentCertificate | null;
  canEdit: boolean;
}) {
  return (
    <Panel id="alert-policy" title="Alert policy" className="space-y-4">
      <table className="w-full text-left text-sm">
        <TableHeader columns={["Setting", "For this domain", "From"]} />
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {policyRows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="py-1.5 font-normal">
                {row.label}
              </th>
              <td className="py-1.5 font-medium">{row.show(policy.effective, certificate)}</td>
              <td className="py-1.5 text-slate-600 dark:text-slate-400">
                {policy.override?.[row.key] != null ? "this domain" : "team policy"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit ? <DomainPolicyForm domainId={domainId} policy={policy} /> : null}
    </Panel>
  );
}
