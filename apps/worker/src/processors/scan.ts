import { enqueueGroupFlushes, enqueueNotifications, type Handler, PermanentJobError } from "@port443/jobs";
import { effectivePolicy, recordScan } from "@port443/monitoring";
import { type ErrorCode, type ScanOptions, type ScanReport, scan } from "@port443/scanner";
import { DelayedError, type Job } from "bullmq";
import { deferralDelayMs, deferralsOf } from "../scanning/deferral";
import { leaseEach } from "../scanning/lease-all";
import type { ProbeDeps } from "../scanning/probe-deps";
import { resolveAddresses } from "../scanning/resolve-addresses";
import type { UnresponsiveEndpoints } from "../scanning/unresponsive-endpoints";

export interface ScanDeps extends ProbeDeps {
  /** ARI: configured directories, answers kept until the CA's Retry-After. */
  acme: ScanOptions["acme"];
  unresponsive: UnresponsiveEndpoints;
  timeoutMs: number;
  /** The bound for an endpoint whose last scan timed out (see UnresponsiveEndpoints). */
  unresponsiveTimeoutMs: number;
  connectionsPerHost: number;
  publicUrl: string;
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

export const scanDomain =
  (deps: ScanDeps): Handler<"scan.domain"> =>
  async (payload, job, token) => {
    try {
      return await scanAndRecord(deps, payload, job, token);
    } catch (error) {
      // Put back for a busy address: neither an attempt nor a failure.
      if (error instanceof DelayedError) throw error;
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
  job: Job,
  token: string | undefined,
) {
  const domain = await deps.prisma.domain.findUnique({
    where: { id: payload.domainId },
    include: {
      team: {
        select: {
          id: true,
          name: true,
          defaultScanIntervalSeconds: true,
          defaultWatchIntervalSeconds: true,
          privateCaPem: true,
        },
      },
    },
  });
  if (!domain) throw new PermanentJobError(`domain ${payload.domainId} no longer exists`);
  if (payload.lease !== undefined && domain.nextScanAt.getTime() !== payload.lease) {
    return { skipped: "slot already handled or rescheduled" };
  }
  // Every address of the name is scanned (per-address results), each under its own lease.
  const addresses = await resolveAddresses(domain.hostname, deps.resolve);
  const address = addresses[0];
  // A scan holds as many of the address's connections as it opens at once.
  const leases = await leaseEach(deps.addressLeases, addresses.length ? addresses : [domain.hostname], {
    weight: deps.connectionsPerHost,
  });
  if (leases.missing.length) {
    // An address has no lease free: give the worker slot back to other work and come back later.
    await leases.release();
    deps.metrics.scanDeferrals.inc();
    await job.moveToDelayed(Date.now() + deferralDelayMs(deferralsOf(job)), token);
    throw new DelayedError();
  }
  let report: ScanReport;
  let knownUnresponsive: boolean;
  try {
    if (payload.scanId) {
      await deps.prisma.scan.update({
        where: { id: payload.scanId },
        data: { status: "running", startedAt: new Date() },
      });
    }
    knownUnresponsive = address !== undefined && (await deps.unresponsive.has(address, domain.port));
    const stopTimer = deps.metrics.scanDuration.startTimer();
    report = await scan({
      host: domain.hostname,
      port: domain.port,
      ...(addresses.length
        ? { allAddresses: true, resolve: async () => addresses }
        : { resolve: deps.resolve }),
      policy: deps.policies.monitoredScans,
      fetchPolicy: deps.policies.strict,
      trustStore: deps.trustStoreFor(domain.team.privateCaPem),
      crls: deps.crls,
      acme: deps.acme,
      timeoutMs: knownUnresponsive ? deps.unresponsiveTimeoutMs : deps.timeoutMs,
      connectionsPerAddress: deps.connectionsPerHost,
    });
    stopTimer();
  } finally {
    await leases.release();
  }
  const timedOut = report.error?.code === "timeout";
  if (address && timedOut) await deps.unresponsive.remember(address, domain.port);
  else if (address && knownUnresponsive) await deps.unresponsive.forget(address, domain.port);
  const attemptsLeft = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
  // An endpoint that timed out before and again now is recorded at once: retrying it would only
  // spend more of the address's leases on waiting.
  const { error } = report;
  const worthRetrying = error !== null && transientErrors.has(error.code) && !(timedOut && knownUnresponsive);
  if (worthRetrying && attemptsLeft) {
    deps.metrics.scans.inc({ outcome: "retry" });
    throw new RetryableScanError(`${error.code}: ${error.message}`);
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
    trigger: payload.trigger,
    publicUrl: deps.publicUrl,
    minWatchIntervalSeconds: deps.minWatchIntervalSeconds,
  });
  deps.metrics.scans.inc({ outcome: report.error ? "error" : "success" });
  await enqueueNotifications(deps.queues, recorded.notifications, deps.retryDelayMs);
  await enqueueGroupFlushes(deps.queues, recorded.groups, deps.retryDelayMs);
  deps.logger.info(
    {
      jobId: job.id,
      domainId: domain.id,
      scanId: recorded.scanId,
      grade: report.grade,
      error: report.error?.code,
      // The report withholds a refused address from the team; the operator's log keeps it.
      address: report.target.ip ?? address,
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
