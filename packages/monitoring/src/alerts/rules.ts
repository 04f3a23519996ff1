import type { AlertKind, Severity } from "@port443/db";
import { fixedExpirySeverity, grades, severities } from "@port443/scanner";

/** Findings that make the certificate untrusted or unusable: alerted on whatever the minimum severity. */
export const trustRules = new Set([
  "cert.hostname_mismatch",
  "cert.untrusted_issuer",
  "cert.self_signed",
  "cert.chain_incomplete",
  "cert.revoked",
  "cert.not_yet_valid",
]);

/** Findings the expiry and renewal alerts already cover. */
export const expiryRules = new Set([
  "cert.expired",
  "cert.expiring_soon",
  "cert.renewal_overdue",
  "cert.early_renewal_requested",
]);

/** Kinds whose alert stays as it is while scans fail: a failed scan says nothing about them. */
export const needsSuccessfulScan = new Set<AlertKind>([
  "expiry",
  "expired",
  "renewal_overdue",
  "early_renewal",
  "weak_config",
  "trust",
  "grade_drop",
  "cert_changed",
]);

/** Kinds that fire once per certificate: never reopened once resolved. */
export const oncePerCertificate = new Set<AlertKind>([
  "expiry",
  "expired",
  "renewal_overdue",
  "early_renewal",
  "cert_changed",
]);

/** Kinds about one certificate: a new certificate resolves them with a "renewed" notice. */
export const aboutCertificate = new Set<AlertKind>(["expiry", "expired", "renewal_overdue", "early_renewal"]);

export const atLeast = (severity: Severity, minimum: Severity) =>
  severities.indexOf(severity) >= severities.indexOf(minimum);

/** Grades in the report's order, best first (T and M, trust problems, below F). */
export const isWorseGrade = (grade: string, than: string) =>
  grades.indexOf(grade as (typeof grades)[number]) > grades.indexOf(than as (typeof grades)[number]);

/** A fixed threshold's severity: the scanner's tiers, "medium" for thresholds above them (e.g. 60 days). */
export const expirySeverity = (days: number): Severity => fixedExpirySeverity(days) ?? "medium";
