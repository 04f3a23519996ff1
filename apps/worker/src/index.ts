import { workerEnv } from "@port443/config/worker";
import { createPrismaClient } from "@port443/db";
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
});
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
