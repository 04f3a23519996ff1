import { readFileSync } from "node:fs";
import { workerEnv } from "@port443/config/worker";
import { createPrismaClient } from "@port443/db";
import { createMailer } from "@port443/email";
import { outboundPolicies } from "@port443/net";
import { createHttpServer } from "./http";
import { createLogger } from "./logger";
import { createMetrics } from "./metrics";
import { createRuntime } from "./runtime";

const env = workerEnv();
const logger = createLogger(env.LOG_LEVEL);
const prisma = createPrismaClient(env.DATABASE_URL, { poolSize: env.WORKER_CONCURRENCY + 2 });
const metrics = createMetrics();
const runtime = createRuntime({
  prisma,
  redisUrl: env.REDIS_URL,
  concurrency: env.WORKER_CONCURRENCY,
  logger,
  metrics,
  policies: outboundPolicies({
    allowPrivate: env.PORT443_ALLOW_PRIVATE_TARGETS,
    scanAllowlist: env.PORT443_TARGET_ALLOWLIST,
    webhookAllowlist: env.PORT443_WEBHOOK_ALLOWLIST,
  }),
  acmeDirectories: env.PORT443_ACME_DIRECTORIES,
  deploymentCaPem: env.PORT443_EXTRA_CA_FILE ? readFileSync(env.PORT443_EXTRA_CA_FILE, "utf8") : null,
  mailer: env.SMTP_URL ? createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }) : null,
  publicUrl: env.PUBLIC_URL,
  scanTimeoutMs: env.SCAN_TIMEOUT_MS,
  connectionsPerHost: env.SCAN_CONNECTIONS_PER_HOST,
  scansPerAddress: env.SCANS_PER_ADDRESS,
  retentionDays: env.SCAN_RETENTION_DAYS,
  auditRetentionDays: env.AUDIT_RETENTION_DAYS,
  watchProbesAtOnce: env.WATCH_PROBES_AT_ONCE,
  watchTimeoutMs: env.WATCH_TIMEOUT_MS,
  minWatchIntervalSeconds: env.PORT443_MIN_WATCH_INTERVAL_SECONDS,
  lockDurationMs: env.WORKER_LOCK_DURATION_MS,
  tickEveryMs: env.SCHEDULER_TICK_MS,
  leaseSeconds: env.SCHEDULE_LEASE_SECONDS,
  retryDelayMs: env.JOB_RETRY_DELAY_MS,
  prefix: env.PORT443_QUEUE_PREFIX,
});
if (!env.SMTP_URL) logger.warn("SMTP_URL is not set: alert emails will be marked failed, not sent");
const server = createHttpServer(runtime, metrics);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    logger.warn({ signal }, "second signal, exiting now");
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, "shutting down: finishing running jobs");
  server.close();
  await runtime.close();
  await prisma.$disconnect();
  logger.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

try {
  await runtime.start();
  server.listen(env.WORKER_PORT, () =>
    logger.info({ port: env.WORKER_PORT }, "health and metrics listening"),
  );
} catch (error) {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
}
