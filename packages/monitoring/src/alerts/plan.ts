import type { AlertKind, AlertState, Severity } from "@port443/db";
import type { Finding, ScanReport } from "@port443/scanner";
import type { EffectivePolicy } from "../policy";
import {
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
  previous: { grade: string | null; fingerprint: string | null };
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

/** What should be alerting now, given this scan. */
function desiredAlerts(input: PlanInput): AlertDraft[] {
  const { report, label, policy, previous, existing } = input;
  const drafts: AlertDraft[] = [];
  if (!report) {
    if (input.failures.count >= policy.failingScanThreshold) {
      drafts.push({
        kind: "scan_failing",
        key: "scan_failing",
        severity: "high",
        title: `Scans of ${label} are failing (${input.failures.count} in a row)`,
        detail: input.failures.lastError ?? "",
        fingerprint: null,
      });
    }
    return drafts;
  }
  const cert = report.certificate;
  if (cert) {
    const days = cert.daysRemaining;
    const fingerprint = cert.fingerprintSha256;
    if (days < 0) {
      drafts.push({
        kind: "expired",
        key: `expired:${fingerprint}`,
        severity: "critical",
        title: `Certificate for ${label} expired ${-days} days ago`,
        detail: `It expired on ${cert.notAfter}.`,
        fingerprint,
      });
    } else {
      const threshold = policy.expiryThresholds.filter((limit) => days <= limit).at(-1);
      if (threshold !== undefined) {
        drafts.push({
          kind: "expiry",
          key: `expiry:${threshold}:${fingerprint}`,
          severity: expirySeverity(days),
          title: `Certificate for ${label} expires in ${days} days`,
          detail: `It expires on ${cert.notAfter}; issued by ${cert.issuer}.`,
          fingerprint,
        });
      }
    }
    if (policy.notifyCertChange && previous.fingerprint && previous.fingerprint !== fingerprint) {
      drafts.push({
        kind: "cert_changed",
        key: `cert_changed:${fingerprint}`,
        severity: "info",
        title: `${label} serves a new certificate`,
        detail: `Valid until ${cert.notAfter}, issued by ${cert.issuer}.`,
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
    // A lower expiry threshold or expiry itself supersedes an expiry alert silently; a new
    // certificate resolves it with a "renewed" notice.
    const superseded =
      (alert.kind === "expiry" || alert.kind === "expired") && alert.fingerprint === currentFingerprint;
    plan.resolve.push({ id: alert.id, notify: told && !superseded });
  }
  return plan;
}
