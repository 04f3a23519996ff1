import type { PrismaClient } from "@port443/db";
import { enqueueMany, type Handler, jobOptions, scanPriority } from "@port443/jobs";
import {
  decideWatch,
  readWatchState,
  recordWatches,
  scanJobId,
  type WatchState,
  type WatchWrite,
  watchIntervalMs,
} from "@port443/monitoring";
import type { Limiter } from "@port443/net";
import { type WatchMode, watch } from "@port443/scanner";
import { leaseEach } from "../scanning/lease-all";
import type { ProbeDeps } from "../scanning/probe-deps";
import { resolveAddresses } from "../scanning/resolve-addresses";

export interface WatchDeps extends ProbeDeps {
  /** An address's connections its watch probes may hold together: all but one deep scan's. */
  probeConnections: number;
  /** Probes at once in this process, across its batches. */
  limiter: Limiter;
  timeoutMs: number;
  scanLeaseSeconds?: number;
}

/** An address lease of a watch probe outlives its timeout by this much. */
const LEASE_MARGIN_MS = 2_000;
/**
 * A domain none of whose addresses had a lease free (or whose probe failed outright) is probed
 * again this soon, or at its interval if that is sooner (jittered): soon, so that a domain on a
 * busy address does not lose its turn to the others there again and again.
 */
const BUSY_RETRY_MS = 5_000;

const domainFields = {
  id: true,
  hostname: true,
  port: true,
  watchIntervalSeconds: true,
  scanIntervalSeconds: true,
  watchState: true,
  alertCheckAt: true,
  team: {
    select: { privateCaPem: true, defaultWatchIntervalSeconds: true, defaultScanIntervalSeconds: true },
  },
} as const;

type WatchedDomain = Awaited<ReturnType<typeof loadBatch>>[number];

const loadBatch = (prisma: PrismaClient, domainIds: string[], lease: Date) =>
  prisma.domain.findMany({
    where: { id: { in: domainIds }, nextWatchAt: lease, enabled: true },
    select: domainFields,
  });

/**
 * One batch of watch probes (domains claimed together): each domain's addresses are probed under
 * their leases (one connection each, once calibrated), compared with what the domain's probes saw
 * before, and the whole batch is written in one statement. A change (or a due alert boundary)
 * claims a deep scan, queued ahead of scheduled ones.
 */
export const watchBatch =
  (deps: WatchDeps): Handler<"watch.batch"> =>
  async (payload, job) => {
    const lease = new Date(payload.lease);
    const domains = await loadBatch(deps.prisma, payload.domainIds, lease);
    const writes = await Promise.all(
      domains.map((domain) =>
        deps.limiter(() =>
          probeDomain(deps, domain).catch((error: Error): WatchWrite => {
            // One domain's failure must not sink the batch's writes: it is probed again soon.
            deps.logger.warn({ domainId: domain.id, err: error.message }, "watch probe failed");
            return {
              domainId: domain.id,
              outcome: null,
              answered: false,
              nextWatchAt: retryAt(deps, domain),
            };
          }),
        ),
      ),
    );
    const deepScans = await recordWatches(deps.prisma, {
      lease,
      writes,
      scanLeaseSeconds: deps.scanLeaseSeconds,
    });
    const kinds = new Map(writes.map((write) => [write.domainId, write.outcome?.kind ?? "deferred"]));
    await enqueueMany(
      deps.queues,
      "scan.domain",
      deepScans.map((claim) => ({
        payload: {
          domainId: claim.domainId,
          lease: claim.lease.getTime(),
          trigger: kinds.get(claim.domainId) === "changed" ? ("change" as const) : ("schedule" as const),
        },
        options: {
          ...jobOptions("scan.domain", deps.retryDelayMs),
          jobId: scanJobId(claim),
          priority: scanPriority.requested,
        },
      })),
    );
    const counts: Record<string, number> = {};
    for (const kind of kinds.values()) {
      counts[kind] = (counts[kind] ?? 0) + 1;
      deps.metrics.watchProbes.inc({ outcome: kind });
    }
    for (const write of writes) {
      if (write.outcome?.kind === "changed")
        deps.logger.info({ domainId: write.domainId, reasons: write.outcome.reasons }, "watch saw a change");
    }
    deps.logger.debug({ jobId: job.id, ...counts, deepScans: deepScans.length }, "watched");
    return { probed: domains.length, deepScans: deepScans.length, ...counts };
  };

/** When a domain that could not be probed now is tried again (see BUSY_RETRY_MS). */
const retryAt = (deps: WatchDeps, domain: WatchedDomain) =>
  new Date(
    Date.now() +
      Math.min(BUSY_RETRY_MS, watchIntervalMs(domain, domain.team, deps.minWatchIntervalSeconds)) *
        (0.5 + Math.random()),
  );

async function probeDomain(deps: WatchDeps, domain: WatchedDomain): Promise<WatchWrite> {
  const previous = readWatchState(domain.watchState);
  const addresses = await resolveAddresses(domain.hostname, deps.resolve);
  // Probes together never take the connections a deep scan needs to start: a busy address's
  // probes would otherwise keep its deep scans waiting for ever.
  const leases = await leaseEach(deps.addressLeases, addresses, {
    leaseMs: deps.timeoutMs + LEASE_MARGIN_MS,
    probeCap: deps.probeConnections,
  });
  if (addresses.length && !leases.held.length) {
    await leases.release();
    return { domainId: domain.id, outcome: null, answered: false, nextWatchAt: retryAt(deps, domain) };
  }
  let probed: WatchState;
  try {
    probed = await probe(deps, domain, leases.held, previous);
    // A blip is not a change: an address that served before and fails now is asked once more.
    const newlyFailing = probed.addresses.filter(
      (entry) => entry.error && previous?.addresses.some((old) => old.ip === entry.ip && old.signature),
    );
    if (newlyFailing.length) {
      const again = await probe(
        deps,
        domain,
        newlyFailing.map((entry) => entry.ip),
        previous,
      );
      probed = {
        addresses: probed.addresses.map(
          (entry) => again.addresses.find((retry) => retry.ip === entry.ip) ?? entry,
        ),
        certificateFindings: probed.addresses.some((entry) => !entry.error)
          ? probed.certificateFindings
          : again.certificateFindings,
      };
    }
  } finally {
    await leases.release();
  }
  const now = new Date();
  const outcome = decideWatch({
    previous,
    probed,
    skipped: leases.missing,
    alertCheckAt: domain.alertCheckAt,
    now,
  });
  return {
    domainId: domain.id,
    outcome,
    answered: probed.addresses.length > 0 && probed.addresses.every((entry) => entry.error === null),
    nextWatchAt: new Date(now.getTime() + watchIntervalMs(domain, domain.team, deps.minWatchIntervalSeconds)),
  };
}

/** One probe of `addresses`, as the state the decision compares. */
async function probe(
  deps: WatchDeps,
  domain: WatchedDomain,
  addresses: string[],
  previous: WatchState | null,
): Promise<WatchState> {
  if (!addresses.length) return { addresses: [], certificateFindings: [] };
  const modes: Record<string, WatchMode> = {};
  for (const entry of previous?.addresses ?? []) if (entry.mode) modes[entry.ip] = entry.mode;
  const result = await watch({
    host: domain.hostname,
    port: domain.port,
    addresses,
    modes,
    policy: deps.policies.monitoredScans,
    fetchPolicy: deps.policies.strict,
    trustStore: deps.trustStoreFor(domain.team.privateCaPem),
    crls: deps.crls,
    timeoutMs: deps.timeoutMs,
  });
  return {
    // In the order given; a refused address is withheld from the result, not from our own list.
    addresses: result.addresses.map((entry, index) => ({
      ip: addresses[index]!,
      mode: entry.mode,
      signature: entry.signature,
      error: entry.error?.code ?? null,
    })),
    certificateFindings: result.report.findings
      .filter((finding) => finding.id.startsWith("cert."))
      .map((finding) => finding.id),
  };
}
