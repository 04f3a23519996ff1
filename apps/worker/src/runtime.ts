import type { PrismaClient } from "@port443/db";
import type { Mailer } from "@port443/email";
import {
  cappedExponentialBackoff,
  createProcessor,
  createQueues,
  createRedisConnection,
  DEFAULT_PREFIX,
  enqueue,
  type JobName,
  jobs,
  queueNames,
} from "@port443/jobs";
import { createLimiter, type OutboundPolicies } from "@port443/net";
import { type AcmeDirectories, CrlSource, RenewalInfoSource, trustStoreCache } from "@port443/scanner";
import { type Job, Worker } from "bullmq";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { deliverNotification } from "./processors/deliver";
import { sendDigests } from "./processors/digest";
import { flushNotificationGroup } from "./processors/flush";
import { type Heartbeat, heartbeat } from "./processors/heartbeat";
import { prune } from "./processors/prune";
import { scanDomain } from "./processors/scan";
import { tick } from "./processors/tick";
import { watchBatch } from "./processors/watch";
import { AddressLeases } from "./scanning/address-leases";
import { redisCrlStore } from "./scanning/crl-store";
import type { ProbeDeps } from "./scanning/probe-deps";
import { UnresponsiveEndpoints } from "./scanning/unresponsive-endpoints";

export interface RuntimeOptions {
  prisma: PrismaClient;
  redisUrl: string;
  logger: Logger;
  metrics: Metrics;
  /** Scans at once in this process. */
  concurrency: number;
  /** Where scans, their fetches and webhook deliveries may connect (see outboundPolicies). */
  policies: OutboundPolicies;
  deploymentCaPem?: string | null;
  /** ACME directories for renewal information beyond the built-in public CAs. */
  acmeDirectories?: AcmeDirectories;
  mailer?: Mailer | null;
  publicUrl?: string;
  scanTimeoutMs?: number;
  connectionsPerHost?: number;
  /** Scans at once towards one destination address, across every worker sharing this Redis. */
  scansPerAddress?: number;
  retentionDays?: number;
  /** Audit events are kept this long (AUDIT_RETENTION_DAYS). */
  auditRetentionDays?: number;
  /** BullMQ key prefix; tests isolate themselves with their own. */
  prefix?: string;
  heartbeatEveryMs?: number;
  tickEveryMs?: number;
  /** Schedule lease (see claimDueDomains); short in tests that lose jobs on purpose. */
  leaseSeconds?: number;
  /** Base retry delay for scans and deliveries, instead of the registry's (tests). */
  retryDelayMs?: number;
  /** BullMQ job lock: a job whose worker died is handed to another after this long. */
  lockDurationMs?: number;
  /** Name to addresses for the scans; the system resolver unless a test maps names itself. */
  resolve?: (host: string) => Promise<string[]>;
  /** Watch probes at once in this process (see processors/watch.ts). */
  watchProbesAtOnce?: number;
  /** Upper bound for one watch probe of one address. */
  watchTimeoutMs?: number;
  /** The deployment's shortest watch interval (PORT443_MIN_WATCH_INTERVAL_SECONDS). */
  minWatchIntervalSeconds?: number;
}

export interface Status {
  ok: boolean;
  redis: "up" | "down";
  database: "up" | "down";
  lastHeartbeat: Heartbeat | null;
}

/** An address lease outlives its scan by this much (the scan's own timeout bounds it). */
const LEASE_MARGIN_MS = 10_000;
/**
 * An endpoint whose scan timed out is scanned with this bound for the next hour: long enough for
 * any live server's handshake, short enough that a black hole costs little.
 */
const UNRESPONSIVE_TIMEOUT_MS = 3_000;
const UNRESPONSIVE_MEMORY_MS = 60 * 60_000;

/** The worker's queues, processors and schedules, without the process around them. */
export function createRuntime(options: RuntimeOptions) {
  const { prisma, logger, metrics } = options;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const connection = createRedisConnection(options.redisUrl, "worker");
  const queues = createQueues({ connection, prefix });
  metrics.observe({ queues, prisma });
  const scanTimeoutMs = options.scanTimeoutMs ?? 20_000;
  let lastHeartbeat: Heartbeat | null = null;

  // Deep scans and watch probes share the CRLs, the trust stores and the address leases.
  const crls = new CrlSource(redisCrlStore(connection, prefix));
  const trustStoreFor = trustStoreCache(options.deploymentCaPem ?? null);
  const connectionsPerHost = options.connectionsPerHost ?? 4;
  // Leases count connections: SCANS_PER_ADDRESS deep scans, or watch probes in their place.
  const addressLimit = (options.scansPerAddress ?? 2) * connectionsPerHost;
  const addressLeases = new AddressLeases(connection, {
    limit: addressLimit,
    leaseMs: scanTimeoutMs + LEASE_MARGIN_MS,
    prefix,
  });
  const probeDeps: ProbeDeps = {
    prisma,
    queues,
    logger,
    metrics,
    policies: options.policies,
    trustStoreFor,
    crls,
    addressLeases,
    resolve: options.resolve,
    minWatchIntervalSeconds: options.minWatchIntervalSeconds ?? 300,
    retryDelayMs: options.retryDelayMs,
  };

  const processor = createProcessor({
    "system.heartbeat": heartbeat(prisma, (beat) => {
      lastHeartbeat = beat;
    }),
    "schedule.tick": () =>
      tick(prisma, queues, logger, {
        leaseSeconds: options.leaseSeconds,
        retryDelayMs: options.retryDelayMs,
        publicUrl: options.publicUrl,
      }),
    "schedule.digest": () =>
      sendDigests(prisma, queues, logger, {
        publicUrl: options.publicUrl ?? "http://localhost:3000",
        retryDelayMs: options.retryDelayMs,
      }),
    "schedule.prune": () =>
      prune(prisma, logger, options.retentionDays ?? 90, { auditRetentionDays: options.auditRetentionDays }),
    "scan.domain": scanDomain({
      ...probeDeps,
      acme: { directories: options.acmeDirectories, source: new RenewalInfoSource() },
      unresponsive: new UnresponsiveEndpoints(connection, { ttlMs: UNRESPONSIVE_MEMORY_MS, prefix }),
      timeoutMs: scanTimeoutMs,
      unresponsiveTimeoutMs: Math.min(UNRESPONSIVE_TIMEOUT_MS, scanTimeoutMs),
      connectionsPerHost,
      publicUrl: options.publicUrl ?? "http://localhost:3000",
    }),
    "watch.batch": watchBatch({
      ...probeDeps,
      // Where one deep scan fills an address (SCANS_PER_ADDRESS=1), probes still get one connection.
      probeConnections: Math.max(1, addressLimit - connectionsPerHost),
      limiter: createLimiter(options.watchProbesAtOnce ?? 100),
      timeoutMs: options.watchTimeoutMs ?? 5_000,
      scanLeaseSeconds: options.leaseSeconds,
    }),
    "notify.flush": flushNotificationGroup({
      prisma,
      queues,
      publicUrl: options.publicUrl ?? "http://localhost:3000",
      retryDelayMs: options.retryDelayMs,
    }),
    "notify.deliver": deliverNotification({
      prisma,
      logger,
      metrics,
      mailer: options.mailer ?? null,
      webhookPolicy: options.policies.webhooks,
    }),
  });

  const instrumented = async (job: Job, token?: string) => {
    const stopTimer = metrics.jobDuration.startTimer({ job: job.name });
    try {
      return await processor(job, token);
    } finally {
      stopTimer();
    }
  };

  const concurrencyFor: Record<string, number> = {
    scans: options.concurrency,
    // Batches at once; the probes within them are bounded by watchProbesAtOnce.
    watches: 4,
    notifications: 8,
    schedule: 1,
    system: 1,
  };
  const workers = Object.values(queueNames).map(
    (queue) =>
      new Worker(queue, instrumented, {
        connection,
        prefix,
        concurrency: concurrencyFor[queue] ?? 1,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.lockDurationMs ?? 30_000,
        settings: { backoffStrategy: cappedExponentialBackoff },
      }),
  );
  for (const worker of workers) {
    worker.on("completed", (job) => {
      metrics.jobsCompleted.inc({ job: job.name, outcome: "completed" });
    });
    worker.on("failed", (job, error) => {
      metrics.jobsCompleted.inc({ job: job?.name ?? "unknown", outcome: "failed" });
      logger.warn(
        { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error.message },
        "job failed",
      );
    });
    worker.on("error", (error) => logger.error({ err: error }, "worker error"));
  }

  const upsertScheduler = (
    name: JobName,
    repeat: { every: number } | { pattern: string; tz?: string },
    data: Record<string, unknown> = {},
  ) => queues[jobs[name].queue].upsertJobScheduler(name, repeat, { name, data, opts: jobs[name].options });

  /** Idempotent: every process registers the same schedulers; BullMQ keeps one of each. */
  const registerSchedulers = async () => {
    await upsertScheduler(
      "system.heartbeat",
      { every: options.heartbeatEveryMs ?? 60_000 },
      { source: "schedule" },
    );
    await upsertScheduler("schedule.tick", { every: options.tickEveryMs ?? 30_000 });
    // Hourly: each run deletes an hour of history in seconds, so the tick it holds up never waits long.
    await upsertScheduler("schedule.prune", { pattern: "17 * * * *" });
    await upsertScheduler("schedule.digest", { pattern: "0 8 * * *", tz: "UTC" });
  };
  // Redis holds the schedulers too; if it lost them (flushed, restarted empty), this brings them back.
  let healer: NodeJS.Timeout | undefined;

  return {
    queues,
    registerSchedulers,
    async start(): Promise<void> {
      await registerSchedulers();
      healer = setInterval(() => {
        registerSchedulers().catch((error: Error) =>
          logger.warn({ err: error.message }, "could not register schedulers"),
        );
      }, options.tickEveryMs ?? 30_000);
      await enqueue(queues, "system.heartbeat", { source: "startup" });
      logger.info({ queues: Object.values(queueNames), concurrency: options.concurrency }, "worker started");
    },
    async status(): Promise<Status> {
      const database = await prisma.$queryRaw`SELECT 1`.then(
        () => "up" as const,
        () => "down" as const,
      );
      const redis = connection.status === "ready" ? "up" : "down";
      return { ok: database === "up" && redis === "up", redis, database, lastHeartbeat };
    },
    /** Lets running jobs finish, then releases Redis. */
    async close(): Promise<void> {
      clearInterval(healer);
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
      await connection.quit().catch(() => connection.disconnect());
      options.mailer?.close();
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
