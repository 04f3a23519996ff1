import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { PrismaClient } from "@port443/db";
import { enqueueNotifications, type Handler, PermanentJobError, type Queues } from "@port443/jobs";
import { effectivePolicy, recordScan } from "@port443/monitoring";
import type { AddressPolicy } from "@port443/net";
import { type CrlSource, type ErrorCode, type ScanOptions, scan, type TrustStore } from "@port443/scanner";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { AddressLeases } from "../scanning/address-leases";

export interface ScanDeps {
  prisma: PrismaClient;
  queues: Queues;
  logger: Logger;
  metrics: Metrics;
  policy: AddressPolicy;
  trustStoreFor(teamCaPem: string | null): TrustStore;
  /** CRLs kept per process and, through Redis, for the fleet. */
  crls: CrlSource;
  /** ARI: configured directories, answers kept until the CA's Retry-After. */
  acme: ScanOptions["acme"];
  addressLeases: AddressLeases;
  timeoutMs: number;
  connectionsPerHost: number;
  publicUrl: string;
  retryDelayMs?: number;
}

/** Worth another attempt: the server may be back in a minute. DNS and policy refusals are not. */
const transientErrors = new Set<ErrorCode>([
  "timeout",
  "connection_refused",
  "tls_handshake_failed",
  "not_tls",
]);

export class RetryableScanError extends Error {
  override name = "RetryableScanError";
}

/** The first address, resolved once here so the politeness limit applies per destination. */
async function firstAddress(host: string): Promise<string | undefined> {
  if (isIP(host)) return host;
  return lookup(host, { verbatim: true })
    .then((result) => result.address)
    .catch(() => undefined);
}

export const scanDomain =
  (deps: ScanDeps): Handler<"scan.domain"> =>
  async (payload, job) => {
    try {
      return await scanAndRecord(deps, payload, job);
    } catch (error) {
      // A requested scan whose job gives up must not stay "running" for whoever polls it.
      const lastAttempt =
        job.attemptsMade + 1 >= (job.opts.attempts ?? 1) || error instanceof PermanentJobError;
      if (payload.scanId && lastAttempt) {
        await deps.prisma.scan.updateMany({
          where: { id: payload.scanId, status: { in: ["queued", "running"] } },
          data: {
            status: "failed",
            finishedAt: new Date(),
            errorMessage: error instanceof Error ? error.message : String(error),
          },
        });
      }
      throw error;
    }
  };

async function scanAndRecord(
  deps: ScanDeps,
  payload: Parameters<Handler<"scan.domain">>[0],
  job: Parameters<Handler<"scan.domain">>[1],
) {
  const domain = await deps.prisma.domain.findUnique({
    where: { id: payload.domainId },
    include: {
      team: { select: { id: true, name: true, defaultScanIntervalSeconds: true, privateCaPem: true } },
    },
  });
  if (!domain) throw new PermanentJobError(`domain ${payload.domainId} no longer exists`);
  if (payload.lease !== undefined && domain.nextScanAt.getTime() !== payload.lease) {
    return { skipped: "slot already handled or rescheduled" };
  }
  if (payload.scanId) {
    await deps.prisma.scan.update({
      where: { id: payload.scanId },
      data: { status: "running", startedAt: new Date() },
    });
  }
  const address = await firstAddress(domain.hostname);
  const stopTimer = deps.metrics.scanDuration.startTimer();
  const report = await deps.addressLeases.run(address ?? domain.hostname, () =>
    scan({
      host: domain.hostname,
      port: domain.port,
      address,
      policy: deps.policy,
      trustStore: deps.trustStoreFor(domain.team.privateCaPem),
      crls: deps.crls,
      acme: deps.acme,
      timeoutMs: deps.timeoutMs,
      connectionsPerAddress: deps.connectionsPerHost,
    }),
  );
  stopTimer();
  const attemptsLeft = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
  if (report.error && transientErrors.has(report.error.code) && attemptsLeft) {
    deps.metrics.scans.inc({ outcome: "retry" });
    throw new RetryableScanError(`${report.error.code}: ${report.error.message}`);
  }
  const policies = await deps.prisma.alertPolicy.findMany({
    where: { teamId: domain.teamId, OR: [{ domainId: null }, { domainId: domain.id }] },
  });
  const policy = effectivePolicy(
    policies.find((row) => row.domainId === null),
    policies.find((row) => row.domainId === domain.id),
  );
  const recorded = await recordScan(deps.prisma, {
    domain,
    report,
    policy,
    lease: payload.lease !== undefined ? new Date(payload.lease) : null,
    scanId: payload.scanId,
    publicUrl: deps.publicUrl,
  });
  deps.metrics.scans.inc({ outcome: report.error ? "error" : "success" });
  await enqueueNotifications(deps.queues, recorded.notifications, deps.retryDelayMs);
  deps.logger.info(
    {
      jobId: job.id,
      domainId: domain.id,
      scanId: recorded.scanId,
      grade: report.grade,
      error: report.error?.code,
      ms: report.durationMs,
    },
    "scanned",
  );
  return {
    scanId: recorded.scanId,
    grade: report.grade,
    error: report.error?.code ?? null,
    notifications: recorded.notifications.length,
  };
}
