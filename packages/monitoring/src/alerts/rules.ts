import type { AlertKind, Severity } from "@port443/db";

/** Findings that make the certificate untrusted or unusable: alerted on whatever the minimum severity. */
export const trustRules = new Set([
  "cert.hostname_mismatch",
  "cert.untrusted_issuer",
  "cert.self_signed",
  "cert.chain_incomplete",
  "cert.revoked",
  "cert.not_yet_valid",
]);

/** Findings the expiry alerts already cover. */
export const expiryRules = new Set(["cert.expired", "cert.expiring_soon"]);

/** Kinds whose alert stays as it is while scans fail: a failed scan says nothing about them. */
export const needsSuccessfulScan = new Set<AlertKind>([
  "expiry",
  "expired",
  "weak_config",
  "trust",
  "grade_drop",
  "cert_changed",
]);

/** Kinds that fire once per certificate: never reopened once resolved. */
export const oncePerCertificate = new Set<AlertKind>(["expiry", "expired", "cert_changed"]);

export const severityOrder: Severity[] = ["info", "low", "medium", "high", "critical"];
export const atLeast = (severity: Severity, minimum: Severity) =>
  severityOrder.indexOf(severity) >= severityOrder.indexOf(minimum);

/** Letter grades best first; T and M (trust problems) rank below F. */
const gradeOrder = ["A+", "A", "A-", "B", "C", "D", "E", "F", "T", "M"];
export const isWorseGrade = (grade: string, than: string) =>
  gradeOrder.indexOf(grade) > gradeOrder.indexOf(than);

export const expirySeverity = (days: number): Severity =>
  days <= 7 ? "critical" : days <= 14 ? "high" : "medium";
