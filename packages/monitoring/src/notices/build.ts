import type { AlertKind, Severity } from "@port443/db";
import type { AlertNotice } from "@port443/notice";
import type { CertificateInfo, Finding } from "@port443/scanner";

export interface NoticeContext {
  team: { name: string };
  domain: { id: string; hostname: string; port: number };
  publicUrl: string;
  certificate: Pick<CertificateInfo, "notAfter" | "issuer" | "subject" | "fingerprintSha256"> | null;
  grade: { current: string | null; previous: string | null; provisional?: boolean } | null;
  failures: { count: number; lastError: string | null } | null;
  now: Date;
}

const DAY_MS = 86_400_000;

/** The JSON every channel renders (email templates, webhook payloads); stored with the notification. */
export function buildNotice(
  alert: { kind: AlertKind; severity: Severity; title: string; detail: string },
  event: "opened" | "resolved",
  context: NoticeContext,
  findings: Finding[] = [],
): AlertNotice {
  const cert = context.certificate;
  return {
    event,
    kind: alert.kind,
    severity: alert.severity,
    title: alert.title,
    detail: alert.detail,
    occurredAt: context.now.toISOString(),
    team: { name: context.team.name },
    domain: {
      hostname: context.domain.hostname,
      port: context.domain.port,
      url: new URL(`/domains/${context.domain.id}`, context.publicUrl).toString(),
    },
    certificate: cert
      ? {
          notAfter: cert.notAfter,
          daysRemaining: Math.floor((Date.parse(cert.notAfter) - context.now.getTime()) / DAY_MS),
          issuer: cert.issuer,
          subject: cert.subject,
          fingerprint: cert.fingerprintSha256,
        }
      : null,
    findings: findings.map(({ id, title, severity, remediation }) => ({ id, title, severity, remediation })),
    grade: context.grade,
    failures: context.failures,
  };
}
