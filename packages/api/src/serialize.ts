import type { Alert, AuditEvent, Certificate, Finding, Scan, ScanAddress } from "@port443/db";
import { gradeFromDb } from "@port443/monitoring";
import { explainFindings } from "@port443/scanner";
import type { ListedDomain } from "@port443/services";
import { type AuditAction, badgeUrl } from "@port443/services";

/** Rows → the API's JSON: dates as ISO strings, grades spelled "A+", findings with their catalog text. */

const DAY_MS = 86_400_000;
const iso = (date: Date | null) => date?.toISOString() ?? null;
const grade = (value: Scan["grade"]) => (value ? gradeFromDb[value] : null);
const daysUntil = (date: Date) => Math.floor((date.getTime() - Date.now()) / DAY_MS);

/**
 * Any domain row with what a list reads (`ListedDomain`), full ones included; `publicUrl` is the
 * deployment's, which the badge's URL is under.
 */
export function domainJson(domain: ListedDomain, publicUrl: string) {
  return {
    id: domain.id,
    hostname: domain.hostname,
    port: domain.port,
    tags: domain.tags,
    enabled: domain.enabled,
    scanIntervalSeconds: domain.scanIntervalSeconds,
    watchIntervalSeconds: domain.watchIntervalSeconds,
    status: domain.status,
    grade: grade(domain.grade),
    notAfter: iso(domain.notAfter),
    daysRemaining: domain.notAfter ? daysUntil(domain.notAfter) : null,
    renewalDueAt: iso(domain.renewalDueAt),
    issuer: domain.issuer,
    fingerprintSha256: domain.fingerprint,
    lastScanAt: iso(domain.lastScanAt),
    nextScanAt: domain.nextScanAt.toISOString(),
    lastProbeAt: iso(domain.lastProbeAt),
    lastSeenAt: iso(domain.lastSeenAt),
    nextWatchAt: domain.nextWatchAt.toISOString(),
    lastError: domain.lastError,
    failureCount: domain.failureCount,
    mutedUntil: iso(domain.mutedUntil),
    badgeUrl: badgeUrl(publicUrl, domain.badgeToken),
    createdAt: domain.createdAt.toISOString(),
    updatedAt: domain.updatedAt.toISOString(),
  };
}

/** A scan that could not connect has the scanner's code; a job that gave up, "scan_failed". */
function scanError(scan: Scan) {
  if (!scan.errorCode && !scan.errorMessage) return null;
  return { code: scan.errorCode ?? "scan_failed", message: scan.errorMessage ?? "" };
}

export function scanJson(scan: Scan) {
  return {
    id: scan.id,
    domainId: scan.domainId,
    status: scan.status,
    trigger: scan.trigger,
    createdAt: scan.createdAt.toISOString(),
    startedAt: iso(scan.startedAt),
    finishedAt: iso(scan.finishedAt),
    grade: grade(scan.grade),
    ip: scan.ip,
    protocol: scan.protocol,
    cipher: scan.cipher,
    durationMs: scan.durationMs,
    error: scanError(scan),
    seenUntil: iso(scan.seenUntil),
  };
}

export function certificateJson(certificate: Certificate) {
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    sans: certificate.sans,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    daysRemaining: daysUntil(certificate.notAfter),
    fingerprintSha256: certificate.fingerprintSha256,
    serialNumber: certificate.serialNumber,
    keyType: certificate.keyType as "RSA",
    keyBits: certificate.keyBits,
    signatureAlgorithm: certificate.signatureAlgorithm,
    pem: certificate.pem,
  };
}

/** Worst first, each with its rule's title and fix. */
export const findingsJson = (findings: Finding[]) =>
  explainFindings(findings).map((finding) => ({
    id: finding.ruleId,
    severity: finding.severity,
    title: finding.title,
    detail: finding.detail,
    remediation: finding.remediation,
  }));

type ScanWithResult = Scan & {
  certificates: { certificate: Certificate }[];
  findings: Finding[];
  addresses?: ScanAddress[];
};

/** The parts of a scan's report kept in `details` (see recordScan). */
interface Details {
  trusted?: boolean;
  hostnameMatches?: boolean;
  protocols?: Record<string, boolean>;
  ciphers?: Record<string, string[]>;
  hsts?: { maxAge: number; includeSubDomains: boolean; preload: boolean } | null;
  gradeCaps?: { grade: string; reason: string }[];
}

export function chainJson(scan: ScanWithResult) {
  const [leaf, ...rest] = scan.certificates.map((entry) => certificateJson(entry.certificate));
  const details = (scan.details ?? {}) as Details;
  return {
    certificate: leaf ?? null,
    chain: leaf ? [leaf, ...rest] : [],
    trusted: details.trusted ?? null,
    hostnameMatches: details.hostnameMatches ?? null,
  };
}

export function scanDetailJson(scan: ScanWithResult) {
  const details = (scan.details ?? {}) as Details;
  const done = scan.status === "done";
  return {
    ...scanJson(scan),
    result: done
      ? {
          ...chainJson(scan),
          findings: findingsJson(scan.findings),
          protocols: details.protocols ?? null,
          ciphers: details.ciphers ?? null,
          hsts: details.hsts ?? null,
          gradeCaps: (details.gradeCaps ?? []) as { grade: "A"; reason: string }[],
          addresses: (scan.addresses ?? []).map((address) => ({
            ip: address.ip,
            grade: grade(address.grade),
            fingerprintSha256: address.fingerprint,
            errorCode: address.errorCode,
          })),
        }
      : null,
  };
}

export function alertJson(alert: Alert & { domain: { hostname: string; port: number } }) {
  return {
    id: alert.id,
    domainId: alert.domainId,
    hostname: alert.domain.hostname,
    port: alert.domain.port,
    kind: alert.kind,
    state: alert.state,
    severity: alert.severity,
    title: alert.title,
    detail: alert.detail,
    openedAt: alert.openedAt.toISOString(),
    notifiedAt: iso(alert.notifiedAt),
    acknowledgedAt: iso(alert.acknowledgedAt),
    resolvedAt: iso(alert.resolvedAt),
  };
}

export function auditEventJson(event: AuditEvent) {
  return {
    id: event.id,
    action: event.action as AuditAction,
    actor: { type: event.actorType, id: event.actorId, name: event.actorName },
    target: { type: event.targetType, id: event.targetId, label: event.targetLabel },
    before: event.before as Record<string, unknown> | null,
    after: event.after as Record<string, unknown> | null,
    clientAddress: event.clientAddress,
    createdAt: event.createdAt.toISOString(),
  };
}
