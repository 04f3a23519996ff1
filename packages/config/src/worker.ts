import { z } from "zod";
import { databaseUrl, logLevel, nodeEnv, port, positiveInt, redisUrl } from "./fields";
import { lazyEnv } from "./parse";
import { processEnv } from "./source";

export const workerEnvSchema = z.object({
  NODE_ENV: nodeEnv,
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
  /** Port of the worker's own /health and /metrics server. */
  WORKER_PORT: port(3001),
  /** Jobs processed at once by this process, per queue. */
  WORKER_CONCURRENCY: positiveInt(16),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;
export const workerEnv = lazyEnv(workerEnvSchema, processEnv);
