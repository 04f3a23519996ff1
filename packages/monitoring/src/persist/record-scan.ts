import type { Domain, Prisma, PrismaClient, Team } from "@port443/db";
import type { ScanReport } from "@port443/scanner";
import { applyAlertPlan, type OutboxRow } from "../alerts/apply";
import { planAlerts } from "../alerts/plan";
import type { EffectivePolicy } from "../policy";
import { upsertCertificates } from "./certificates";
import { domainStatus, gradeFromDb, gradeToDb } from "./status";

export interface RecordScanInput {
  domain: Domain & { team: Pick<Team, "id" | "name" | "defaultScanIntervalSeconds"> };
  report: ScanReport;
  policy: EffectivePolicy;
  /** The schedule's lease for this scan; the next scan time is only moved if it still holds. */
  lease: Date | null;
  /** A scan row created when the scan was requested ("Scan now"). */
  scanId?: string;
  publicUrl: string;
  now?: Date;
}

export interface RecordedScan {
  scanId: string;
  notifications: OutboxRow[];
}

const label = (domain: Domain) => `${domain.hostname}:${domain.port}`;

/**
 * Stores one scan (certificates once by fingerprint, chain, findings, addresses), updates the
 * domain's summary, records a certificate change, and moves the alert state machine, writing the
 * outbox rows for any notices: all in one transaction, so a crash leaves either all or nothing.
 */
export async function recordScan(prisma: PrismaClient, input: RecordScanInput): Promise<RecordedScan> {
  const { domain, report } = input;
  const now = input.now ?? new Date();
  const ok = report.error === null && report.certificate !== null;
  const failureCount = ok ? 0 : domain.failureCount + 1;
  const interval = (domain.scanIntervalSeconds ?? domain.team.defaultScanIntervalSeconds) * 1000;

  return prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    const certificateIds = ok ? await upsertCertificates(tx, report.chain) : [];
    const scanData = {
      status: "done" as const,
      startedAt: new Date(report.scannedAt),
      finishedAt: now,
      outcome: ok ? ("success" as const) : ("error" as const),
      errorCode: report.error?.code ?? null,
      errorMessage: report.error?.message ?? null,
      ip: report.target.ip,
      protocol: report.negotiated.protocol,
      cipher: report.negotiated.cipher,
      grade: report.grade ? gradeToDb[report.grade] : null,
      durationMs: report.durationMs,
      details: {
        protocols: report.protocols,
        ciphers: report.ciphers,
        negotiated: report.negotiated,
        hsts: report.hsts,
        ocsp: report.ocsp,
        gradeCaps: report.gradeCaps,
        score: report.score,
        trusted: report.trusted,
        hostnameMatches: report.hostnameMatches,
      } as unknown as Prisma.InputJsonValue,
      // createMany: one INSERT per table without reading the rows back.
      certificates: {
        createMany: { data: certificateIds.map((certificateId, position) => ({ certificateId, position })) },
      },
      findings: {
        createMany: {
          data: report.findings.map((finding) => ({
            ruleId: finding.id,
            severity: finding.severity,
            detail: finding.detail,
          })),
        },
      },
      addresses: {
        createMany: {
          data: report.addresses.map((address) => ({
            ip: address.ip,
            grade: address.grade ? gradeToDb[address.grade] : null,
            fingerprint: address.fingerprintSha256,
            errorCode: address.error?.code ?? null,
          })),
        },
      },
    };
    const scan = input.scanId
      ? await tx.scan.update({ where: { id: input.scanId }, data: scanData, select: { id: true } })
      : await tx.scan.create({
          data: { ...scanData, teamId: domain.teamId, domainId: domain.id },
          select: { id: true },
        });

    const cert = report.certificate;
    const fingerprint = ok ? cert!.fingerprintSha256 : domain.fingerprint;
    if (ok && domain.fingerprint && domain.fingerprint !== fingerprint) {
      await tx.certificateEvent.create({
        data: {
          teamId: domain.teamId,
          domainId: domain.id,
          oldFingerprint: domain.fingerprint,
          newFingerprint: fingerprint!,
          oldIssuer: domain.issuer,
          newIssuer: cert!.issuer,
          oldNotAfter: domain.notAfter,
          newNotAfter: new Date(cert!.notAfter),
        },
      });
    }

    const summary = {
      lastScanAt: now,
      status: domainStatus(report),
      failureCount,
      lastError: report.error ? `${report.error.code}: ${report.error.message}` : null,
      ...(ok
        ? {
            grade: report.grade ? gradeToDb[report.grade] : null,
            notAfter: new Date(cert!.notAfter),
            issuer: cert!.issuer,
            fingerprint,
          }
        : {}),
    };
    // Compare-and-set on the lease: only the scan that owns this slot schedules the next one. The
    // summary rides along; without the lease it is written on its own.
    const scheduled = input.lease
      ? await tx.domain.updateMany({
          where: { id: domain.id, nextScanAt: input.lease },
          data: { ...summary, nextScanAt: new Date(now.getTime() + interval) },
        })
      : { count: 0 };
    if (scheduled.count === 0) await tx.domain.updateMany({ where: { id: domain.id }, data: summary });

    const existing = await tx.alert.findMany({
      where: { domainId: domain.id },
      select: { id: true, kind: true, key: true, state: true, fingerprint: true },
    });
    const plan = planAlerts({
      label: label(domain),
      report: ok ? report : null,
      failures: { count: failureCount, lastError: summary.lastError },
      previous: { grade: domain.grade ? gradeFromDb[domain.grade] : null, fingerprint: domain.fingerprint },
      existing,
      policy: input.policy,
    });
    const notifications = await applyAlertPlan(tx, {
      plan,
      existing,
      domain,
      team: domain.team,
      report: ok ? report : null,
      policy: input.policy,
      publicUrl: input.publicUrl,
      now,
      context: {
        grade: { current: report.grade, previous: domain.grade ? gradeFromDb[domain.grade] : null },
        failures: { count: failureCount, lastError: summary.lastError },
      },
    });
    return { scanId: scan.id, notifications };
  });
}
