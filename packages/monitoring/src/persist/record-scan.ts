import type { Domain, Prisma, PrismaClient, Team } from "@port443/db";
import type { ScanReport } from "@port443/scanner";
import { applyAlertPlan, type OutboxRow } from "../alerts/apply";
import { planAlerts } from "../alerts/plan";
import type { GroupDue } from "../groups/store";
import type { EffectivePolicy } from "../policy";
import { nextAlertBoundary } from "../schedule/alert-boundary";
import { deepIntervalMs, watchIntervalMs } from "../schedule/intervals";
import { nextScanDelayMs } from "../schedule/next-scan";
import { upsertCertificates } from "./certificates";
import { gradeFromDb } from "./status";
import { writeScan } from "./write-scan";

export interface RecordScanInput {
  domain: Domain & {
    team: Pick<Team, "id" | "name" | "defaultScanIntervalSeconds" | "defaultWatchIntervalSeconds">;
  };
  report: ScanReport;
  policy: EffectivePolicy;
  /** The schedule's lease for this scan; the next scan time is only moved if it still holds. */
  lease: Date | null;
  /** A scan row created when the scan was requested ("Scan now"). */
  scanId?: string;
  /** A scheduled scan's reason: its interval (default), or a change its watch probe saw. */
  trigger?: "schedule" | "change";
  publicUrl: string;
  /** The deployment's shortest watch interval (see watchIntervalMs). */
  minWatchIntervalSeconds: number;
  now?: Date;
}

export interface RecordedScan {
  scanId: string;
  notifications: OutboxRow[];
  /** Notification groups this scan changed, and when each one's next message is due. */
  groups: GroupDue[];
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
  // A scan whose grade is provisional counts towards the failing-scan alert like a failed one:
  // a server that keeps stalling probes must not be rewarded with a silently better grade.
  const complete = ok && !report.gradeProvisional;
  const failureCount = complete ? 0 : domain.failureCount + 1;
  const lastError = report.error
    ? `${report.error.code}: ${report.error.message}`
    : complete
      ? null
      : `incomplete: ${report.incomplete.map((entry) => `${entry.step} (${entry.reason})`).join(", ")}`;
  const interval = deepIntervalMs(domain, domain.team);

  return prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    const certificateIds = ok ? await upsertCertificates(tx, report.chain) : [];
    // Compare-and-set on the lease: only the scan that owns this slot schedules the next one.
    const scanId = await writeScan(tx, {
      domain,
      report,
      ok,
      certificateIds,
      scanId: input.scanId,
      trigger: input.trigger ?? "schedule",
      failureCount,
      lastError,
      now,
      schedule: input.lease
        ? { lease: input.lease, next: new Date(now.getTime() + nextScanDelayMs(failureCount, interval)) }
        : null,
      nextWatchAt: new Date(
        now.getTime() + watchIntervalMs(domain, domain.team, input.minWatchIntervalSeconds),
      ),
      alertCheckAt: ok ? nextAlertBoundary(report, input.policy, now) : null,
    });

    const cert = report.certificate;
    if (ok && domain.fingerprint && domain.fingerprint !== cert!.fingerprintSha256) {
      await tx.certificateEvent.create({
        data: {
          teamId: domain.teamId,
          domainId: domain.id,
          oldFingerprint: domain.fingerprint,
          newFingerprint: cert!.fingerprintSha256,
          oldIssuer: domain.issuer,
          newIssuer: cert!.issuer,
          oldNotAfter: domain.notAfter,
          newNotAfter: new Date(cert!.notAfter),
        },
      });
    }

    const existing = await tx.alert.findMany({
      where: { domainId: domain.id },
      select: { id: true, kind: true, key: true, state: true, fingerprint: true },
    });
    const plan = planAlerts({
      label: label(domain),
      report: ok ? report : null,
      failures: { count: failureCount, lastError },
      previous: {
        grade: domain.grade ? gradeFromDb[domain.grade] : null,
        fingerprint: domain.fingerprint,
        renewalDueAt: domain.renewalDueAt?.toISOString() ?? null,
      },
      existing,
      policy: input.policy,
    });
    const applied = await applyAlertPlan(tx, {
      plan,
      existing,
      domain,
      team: domain.team,
      report: ok ? report : null,
      policy: input.policy,
      publicUrl: input.publicUrl,
      now,
      context: {
        grade: {
          current: report.grade,
          previous: domain.grade ? gradeFromDb[domain.grade] : null,
          provisional: report.gradeProvisional,
        },
        failures: { count: failureCount, lastError },
      },
      address: report.target.ip,
    });
    return { scanId, notifications: applied.outbox, groups: applied.groups };
  });
}
