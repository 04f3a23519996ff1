import type { AlertKind, AlertState, Severity } from "@port443/db";
import { formatDateTime } from "@port443/notice";
import {
  type CertificateInfo,
  describeSpan,
  type Finding,
  inFinalStretch,
  type ScanReport,
} from "@port443/scanner";
import type { EffectivePolicy } from "../policy";
import {
  aboutCertificate,
  atLeast,
  expiryRules,
  expirySeverity,
  isWorseGrade,
  needsSuccessfulScan,
  oncePerCertificate,
  trustRules,
} from "./rules";

export interface ExistingAlert {
  id: string;
  kind: AlertKind;
  key: string;
  state: AlertState;
  fingerprint: string | null;
}

export interface AlertDraft {
  kind: AlertKind;
  key: string;
  severity: Severity;
  title: string;
  detail: string;
  fingerprint: string | null;
  /** Opened, notified and closed at once: a one-off notice (certificate changed). */
  oneShot?: boolean;
}

export interface AlertPlan {
  open: AlertDraft[];
  /** Reopen a resolved alert whose condition is back (same key). */
  reopen: { id: string; draft: AlertDraft }[];
  resolve: { id: string; notify: boolean }[];
}

export interface PlanInput {
  label: string;
  /** The scan's report; null when the scan failed. */
  report: ScanReport | null;
  failures: { count: number; lastError: string | null };
  /** The domain's summary before this scan; renewalDueAt tells an ARI window that moved earlier. */
  previous: { grade: string | null; fingerprint: string | null; renewalDueAt?: string | null };
  /** Every alert of the domain that is active, plus resolved ones with keys that may come back. */
  existing: ExistingAlert[];
  policy: EffectivePolicy;
}

const active = (alert: ExistingAlert) => alert.state !== "resolved";

function findingDraft(kind: AlertKind, finding: Finding, label: string): AlertDraft {
  return {
    kind,
    key: `${kind === "trust" ? "trust" : "weak"}:${finding.id}`,
    severity: finding.severity,
    title: `${finding.title} on ${label}`,
    detail: finding.detail,
    fingerprint: null,
  };
}

const timeLeft = (notAfter: string, now: string) => describeSpan(Date.parse(notAfter) - Date.parse(now));

/**
 * Expiry alerts, once per certificate (keys end in the fingerprint). In "fixed" mode, and for
 * yearly certificates the lifetime model does not track, the day thresholds. In "lifetime" mode
 * for the certificates CAs issue now: "renewal overdue" once the scanner sees it past its renewal
 * point plus grace (automation broken, days before expiry), and an expiry alert only in the final
 * stretch (under a tenth of the lifetime or a day left), so a 6-day certificate that renews on
 * time never alerts.
 */
function expiryDrafts(report: ScanReport, cert: CertificateInfo, label: string, policy: EffectivePolicy) {
  const days = cert.daysRemaining;
  const fingerprint = cert.fingerprintSha256;
  if (Date.parse(cert.notAfter) < Date.parse(report.scannedAt)) {
    return [
      {
        kind: "expired",
        key: `expired:${fingerprint}`,
        severity: "critical",
        title: `Certificate for ${label} expired ${Math.max(-days, 0)} days ago`,
        detail: `It expired on ${formatDateTime(cert.notAfter)}.`,
        fingerprint,
      } satisfies AlertDraft,
    ];
  }
  if (policy.expiryMode === "fixed" || !report.renewal?.tracked) {
    const threshold = policy.expiryThresholds.filter((limit) => days <= limit).at(-1);
    return threshold === undefined
      ? []
      : [
          {
            kind: "expiry",
            key: `expiry:${threshold}:${fingerprint}`,
            severity: expirySeverity(days),
            title: `Certificate for ${label} expires in ${days} days`,
            detail: `It expires on ${formatDateTime(cert.notAfter)}; issued by ${cert.issuer}.`,
            fingerprint,
          } satisfies AlertDraft,
        ];
  }
  const drafts: AlertDraft[] = [];
  const overdue = report.findings.find((finding) => finding.id === "cert.renewal_overdue");
  if (overdue) {
    drafts.push({
      kind: "renewal_overdue",
      key: `renewal_overdue:${fingerprint}`,
      severity: overdue.severity,
      title: `Certificate for ${label} was not renewed on time (expires in ${timeLeft(cert.notAfter, report.scannedAt)})`,
      detail: overdue.detail,
      fingerprint,
    });
  }
  if (inFinalStretch(new Date(cert.notBefore), new Date(cert.notAfter), new Date(report.scannedAt))) {
    drafts.push({
      kind: "expiry",
      key: `expiry:final:${fingerprint}`,
      severity: "critical",
      title: `Certificate for ${label} expires in ${timeLeft(cert.notAfter, report.scannedAt)}`,
      detail: `It expires on ${formatDateTime(cert.notAfter)}, the last tenth of its ${report.renewal.lifetimeDays}-day lifetime; issued by ${cert.issuer}.`,
      fingerprint,
    });
  }
  return drafts;
}

/**
 * "Renew early", once per certificate: the CA's ARI window has opened (the scanner's finding), or
 * moved earlier since the last scan of the same certificate. It stays until the certificate is
 * replaced, as the CA's request does.
 */
function earlyRenewalDraft(input: PlanInput, cert: CertificateInfo, label: string): AlertDraft | undefined {
  const { report, previous, existing } = input;
  const fingerprint = cert.fingerprintSha256;
  const finding = report?.findings.find((candidate) => candidate.id === "cert.early_renewal_requested");
  const renewal = report?.renewal;
  const moved =
    renewal?.source === "ari" &&
    previous.fingerprint === fingerprint &&
    previous.renewalDueAt != null &&
    Date.parse(renewal.dueAt) < Date.parse(previous.renewalDueAt) - 60_000;
  const key = `early_renewal:${fingerprint}`;
  const open = existing.find((alert) => alert.key === key && active(alert));
  if (!finding && !moved && !open) return undefined;
  const explanation = renewal?.ari?.explanationUrl
    ? ` The CA explains why at ${renewal.ari.explanationUrl}.`
    : "";
  const was = previous.renewalDueAt ? ` (it was ${formatDateTime(previous.renewalDueAt)})` : "";
  return {
    kind: "early_renewal",
    key,
    severity: "high",
    title: `The CA asks for the certificate of ${label} to be renewed early`,
    detail:
      finding?.detail ??
      `Its renewal window moved earlier: renew by ${renewal ? formatDateTime(renewal.dueAt) : "now"}${was}.${explanation}`,
    fingerprint,
  };
}

/** What should be alerting now, given this scan. */
function desiredAlerts(input: PlanInput): AlertDraft[] {
  const { report, label, policy, previous, existing } = input;
  const drafts: AlertDraft[] = [];
  // Failed scans, and scans whose grade stayed provisional, count alike towards this alert.
  if ((!report || report.gradeProvisional) && input.failures.count >= policy.failingScanThreshold) {
    drafts.push({
      kind: "scan_failing",
      key: "scan_failing",
      severity: "high",
      title: `Scans of ${label} are ${report ? "incomplete" : "failing"} (${input.failures.count} in a row)`,
      detail: input.failures.lastError ?? "",
      fingerprint: null,
    });
  }
  if (!report) return drafts;
  const cert = report.certificate;
  if (cert) {
    drafts.push(...expiryDrafts(report, cert, label, policy));
    const early = earlyRenewalDraft(input, cert, label);
    if (early) drafts.push(early);
    const fingerprint = cert.fingerprintSha256;
    if (policy.notifyCertChange && previous.fingerprint && previous.fingerprint !== fingerprint) {
      drafts.push({
        kind: "cert_changed",
        key: `cert_changed:${fingerprint}`,
        severity: "info",
        title: `${label} serves a new certificate`,
        detail: `Valid until ${formatDateTime(cert.notAfter)}, issued by ${cert.issuer}.`,
        fingerprint,
        oneShot: true,
      });
    }
  }
  for (const finding of report.findings) {
    if (expiryRules.has(finding.id)) continue;
    if (trustRules.has(finding.id)) drafts.push(findingDraft("trust", finding, label));
    else if (atLeast(finding.severity, policy.minSeverity))
      drafts.push(findingDraft("weak_config", finding, label));
  }
  const openDrop = existing.find((alert) => alert.kind === "grade_drop" && active(alert));
  const baseline = openDrop ? openDrop.key.split(":")[1]! : previous.grade;
  if (policy.notifyGradeDrop && report.grade && baseline && isWorseGrade(report.grade, baseline)) {
    drafts.push({
      kind: "grade_drop",
      key: `grade_drop:${baseline}`,
      severity: "medium",
      title: `Grade for ${label} dropped from ${baseline} to ${report.grade}`,
      detail: report.gradeCaps.map((cap) => `capped at ${cap.grade}: ${cap.reason}`).join("; "),
      fingerprint: null,
    });
  }
  return drafts;
}

/**
 * The alert state machine's transitions for one scan: which alerts open (or reopen), and which
 * resolve, with or without a "resolved" notice. Pure: the caller applies it in the transaction
 * that records the scan.
 */
export function planAlerts(input: PlanInput): AlertPlan {
  const desired = desiredAlerts(input);
  const byKey = new Map(input.existing.map((alert) => [alert.key, alert]));
  const plan: AlertPlan = { open: [], reopen: [], resolve: [] };
  for (const draft of desired) {
    const existing = byKey.get(draft.key);
    if (!existing) plan.open.push(draft);
    else if (!active(existing) && !oncePerCertificate.has(draft.kind))
      plan.reopen.push({ id: existing.id, draft });
  }
  const wanted = new Set(desired.map((draft) => draft.key));
  const currentFingerprint = input.report?.certificate?.fingerprintSha256 ?? null;
  for (const alert of input.existing.filter(active)) {
    if (wanted.has(alert.key)) continue;
    if (!input.report && needsSuccessfulScan.has(alert.kind)) continue;
    const told = alert.state !== "open";
    // A lower expiry threshold or expiry itself supersedes an alert about the same certificate
    // silently; a new certificate resolves it with a "renewed" notice.
    const superseded = aboutCertificate.has(alert.kind) && alert.fingerprint === currentFingerprint;
    plan.resolve.push({ id: alert.id, notify: told && !superseded });
  }
  return plan;
}
