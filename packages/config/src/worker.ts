import { z } from "zod";
import { cidrList, optional, port, positiveInt, serviceFields } from "./fields";
import { lazyEnv } from "./parse";
import { processEnv } from "./source";

export const workerEnvSchema = z.object({
  ...serviceFields,
  /** Port of the worker's own /health and /metrics server. */
  WORKER_PORT: port(3001),
  /** Scans run at once by this process. */
  WORKER_CONCURRENCY: positiveInt(16),
  /** Parallel connections of one scan to its target. */
  SCAN_CONNECTIONS_PER_HOST: positiveInt(4),
  /** Scans at once towards one destination address, across every worker process (leases in Redis). */
  SCANS_PER_ADDRESS: positiveInt(2),
  /** Upper bound for one scan, in milliseconds. */
  SCAN_TIMEOUT_MS: positiveInt(20_000),
  /** Watch probes (one connection per address) at once in this process. */
  WATCH_PROBES_AT_ONCE: positiveInt(100),
  /** Upper bound for one watch probe of one address, in milliseconds. */
  WATCH_TIMEOUT_MS: positiveInt(5_000),
  /** A job whose worker died (crash, SIGKILL) goes to another worker after this long. */
  WORKER_LOCK_DURATION_MS: positiveInt(30_000),
  /** How often the scheduler claims due domains. */
  SCHEDULER_TICK_MS: positiveInt(30_000),
  /** A claimed domain whose scan never completed is claimed again after this long. */
  SCHEDULE_LEASE_SECONDS: positiveInt(600),
  /** Base delay of the exponential retry backoff for scans and deliveries (default per job type). */
  JOB_RETRY_DELAY_MS: optional(z.coerce.number().int().positive()),
  /**
   * Scan history older than this is pruned (each domain's latest scan is kept however old). 90 days
   * spans a 90-day certificate's whole life; at a million domains that history is about 470 GB
   * (docs/benchmarks.md, "History retention").
   */
  SCAN_RETENTION_DAYS: positiveInt(90),
  /** Audit events (who changed what in a team) older than this are pruned: a year by default. */
  AUDIT_RETENTION_DAYS: positiveInt(365),
  /**
   * CIDRs re-opened for scans of monitored domains despite the address policy (internal
   * monitoring); never for their AIA/OCSP/CRL/ARI fetches, webhooks or the API's checks.
   */
  PORT443_TARGET_ALLOWLIST: cidrList,
  /** CIDRs webhook deliveries may reach despite the address policy (an internal receiver). */
  PORT443_WEBHOOK_ALLOWLIST: cidrList,
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;
export const workerEnv = lazyEnv(workerEnvSchema, processEnv);
