import { type Domain, type Prisma, uuidv7 } from "@port443/db";
import type { ScanReport } from "@port443/scanner";
import { domainStatus } from "./status";

export interface ScanWrite {
  domain: Pick<Domain, "id" | "teamId">;
  report: ScanReport;
  /** A usable result: the domain's certificate summary moves to its certificate. */
  ok: boolean;
  /** The served chain's certificate rows, leaf first. */
  certificateIds: string[];
  /** A row created when the scan was requested ("Scan now"), completed here; else a new row. */
  scanId?: string;
  /** Why a new row's scan ran: its schedule, or a change a watch probe saw. */
  trigger: "schedule" | "change";
  failureCount: number;
  lastError: string | null;
  now: Date;
  /** The schedule's compare-and-set: `next` only while next_scan_at still holds `lease`. */
  schedule: { lease: Date; next: Date } | null;
  /** The next watch probe: a deep scan has just seen everything a probe would. */
  nextWatchAt: Date;
  /** When the certificate's alerts next change with time (nextAlertBoundary); null after a failure. */
  alertCheckAt: Date | null;
}

/** The rest of the report, kept as JSON on the scan. */
const detailsOf = (report: ScanReport) =>
  JSON.stringify({
    protocols: report.protocols,
    ciphers: report.ciphers,
    negotiated: report.negotiated,
    hsts: report.hsts,
    ocsp: report.ocsp,
    renewal: report.renewal,
    revocation: report.revocation,
    incomplete: report.incomplete,
    vulnerabilities: report.vulnerabilities,
    gradeProvisional: report.gradeProvisional,
    gradeCaps: report.gradeCaps,
    score: report.score,
    trusted: report.trusted,
    hostnameMatches: report.hostnameMatches,
  });

/**
 * The scan with its chain, findings and addresses, and the domain's summary and next scan time,
 * in one statement. As Prisma calls these were six round trips and about four milliseconds of
 * client CPU per scan, the largest cost of the pipeline after the scan itself. Enum values are
 * the database's spelling, which for grades is the report's own ("A+", not A_PLUS); ids are
 * uuid(7) as Prisma makes them, and updated_at is set as @updatedAt would.
 */
export async function writeScan(tx: Prisma.TransactionClient, write: ScanWrite): Promise<string> {
  const { domain, report, ok, now, schedule } = write;
  const id = write.scanId ?? uuidv7(now.getTime());
  const certificate = ok ? report.certificate : null;
  const { findings } = report;
  // A refused address is withheld from the report, and so from the tenant's stored scan.
  const addresses = report.addresses.filter(
    (address): address is typeof address & { ip: string } => address.ip !== null,
  );
  await tx.$executeRaw`
    WITH scan AS (
      INSERT INTO scans (id, team_id, domain_id, status, trigger, started_at, finished_at, outcome, error_code,
                         error_message, ip, protocol, cipher, grade, duration_ms, details)
      VALUES (${id}::uuid, ${domain.teamId}::uuid, ${domain.id}::uuid, 'done', ${write.trigger}::"ScanTrigger",
              ${new Date(report.scannedAt)},
              ${now}, ${ok ? "success" : "error"}::"ScanOutcome", ${report.error?.code ?? null},
              ${report.error?.message ?? null}, ${report.target.ip}, ${report.negotiated.protocol},
              ${report.negotiated.cipher}, ${report.grade}::"Grade", ${report.durationMs},
              ${detailsOf(report)}::jsonb)
      ON CONFLICT (id) DO UPDATE SET
        status = excluded.status, started_at = excluded.started_at, finished_at = excluded.finished_at,
        outcome = excluded.outcome, error_code = excluded.error_code, error_message = excluded.error_message,
        ip = excluded.ip, protocol = excluded.protocol, cipher = excluded.cipher, grade = excluded.grade,
        duration_ms = excluded.duration_ms, details = excluded.details
      RETURNING id
    ), chain AS (
      INSERT INTO scan_certificates (scan_id, position, certificate_id)
      SELECT scan.id, c.position - 1, c.certificate_id
      FROM scan, unnest(${write.certificateIds}::uuid[]) WITH ORDINALITY AS c(certificate_id, position)
    ), found AS (
      INSERT INTO findings (id, scan_id, rule_id, severity, detail)
      SELECT f.id, scan.id, f.rule_id, f.severity::"Severity", f.detail
      FROM scan, unnest(${findings.map(() => uuidv7(now.getTime()))}::uuid[],
                        ${findings.map((finding) => finding.id)}::text[],
                        ${findings.map((finding) => finding.severity)}::text[],
                        ${findings.map((finding) => finding.detail)}::text[]) AS f(id, rule_id, severity, detail)
    ), seen AS (
      -- The scan before this one was seen unchanged by watch probes until the last of them.
      UPDATE scans previous SET seen_until = d.last_seen_at
      FROM domains d
      WHERE d.id = ${domain.id}::uuid AND d.last_seen_at > previous.created_at
        AND previous.id = (SELECT id FROM scans WHERE domain_id = ${domain.id}::uuid AND id <> ${id}::uuid
                           AND status = 'done' ORDER BY created_at DESC LIMIT 1)
    ), addressed AS (
      INSERT INTO scan_addresses (scan_id, ip, grade, fingerprint, error_code)
      SELECT scan.id, a.ip, a.grade::"Grade", a.fingerprint, a.error_code
      FROM scan, unnest(${addresses.map((address) => address.ip)}::text[],
                        ${addresses.map((address) => address.grade)}::text[],
                        ${addresses.map((address) => address.fingerprintSha256)}::text[],
                        ${addresses.map((address) => address.error?.code ?? null)}::text[])
                 AS a(ip, grade, fingerprint, error_code)
    )
    UPDATE domains SET
      last_scan_at = ${now}, status = ${domainStatus(report)}::"DomainStatus",
      failure_count = ${write.failureCount}, last_error = ${write.lastError},
      grade = CASE WHEN ${ok} THEN ${report.grade}::"Grade" ELSE grade END,
      not_after = CASE WHEN ${ok} THEN ${certificate ? new Date(certificate.notAfter) : null} ELSE not_after END,
      renewal_due_at = CASE WHEN ${ok} THEN ${report.renewal?.tracked ? new Date(report.renewal.dueAt) : null}
                            ELSE renewal_due_at END,
      issuer = CASE WHEN ${ok} THEN ${certificate?.issuer ?? null} ELSE issuer END,
      fingerprint = CASE WHEN ${ok} THEN ${certificate?.fingerprintSha256 ?? null} ELSE fingerprint END,
      next_scan_at = CASE WHEN next_scan_at = ${schedule?.lease ?? null} THEN ${schedule?.next ?? null}
                          ELSE next_scan_at END,
      -- The first deep scan's watch baseline is taken at once, so no change slips in between.
      next_watch_at = CASE WHEN watch_state IS NULL THEN ${now}::timestamp(3) ELSE ${write.nextWatchAt}::timestamp(3) END,
      alert_check_at = ${write.alertCheckAt},
      updated_at = ${now}
    WHERE id = ${domain.id}::uuid`;
  return id;
}
