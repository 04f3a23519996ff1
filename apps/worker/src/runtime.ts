import type { PrismaClient } from "@port443/db";
import {
  createProcessor,
  createQueues,
  createRedisConnection,
  DEFAULT_PREFIX,
  enqueue,
  type JobName,
  queueNames,
} from "@port443/jobs";
import { type Job, Worker } from "bullmq";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { type Heartbeat, heartbeat } from "./processors/heartbeat";

export interface RuntimeOptions {
  prisma: PrismaClient;
  redisUrl: string;
  concurrency: number;
  logger: Logger;
  metrics: Metrics;
  /** BullMQ key prefix; tests isolate themselves with their own. */
  prefix?: string;
  heartbeatEveryMs?: number;
}

export interface Status {
  ok: boolean;
  redis: "up" | "down";
  database: "up" | "down";
  lastHeartbeat: Heartbeat | null;
}

/** The worker's queues, processors and schedules, without the process around them. */
export function createRuntime(options: RuntimeOptions) {
  const { prisma, logger, metrics } = options;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const connection = createRedisConnection(options.redisUrl, "worker");
  const queues = createQueues({ connection, prefix });
  let lastHeartbeat: Heartbeat | null = null;

  const processor = createProcessor({
    "system.heartbeat": heartbeat(prisma, (beat) => {
      lastHeartbeat = beat;
    }),
  });

  const instrumented = async (job: Job) => {
    const stopTimer = metrics.jobDuration.startTimer({ job: job.name });
    try {
      return await processor(job);
    } finally {
      stopTimer();
    }
  };

  const workers = Object.values(queueNames).map(
    (queue) => new Worker(queue, instrumented, { connection, prefix, concurrency: options.concurrency }),
  );
  for (const worker of workers) {
    worker.on("completed", (job) => {
      metrics.jobsCompleted.inc({ job: job.name, outcome: "completed" });
      logger.debug({ jobId: job.id, job: job.name }, "job completed");
    });
    worker.on("failed", (job, error) => {
      metrics.jobsCompleted.inc({ job: job?.name ?? "unknown", outcome: "failed" });
      logger.warn({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error }, "job failed");
    });
    worker.on("error", (error) => logger.error({ err: error }, "worker error"));
  }

  return {
    queues,
    async start(): Promise<void> {
      const name: JobName = "system.heartbeat";
      await queues.system.upsertJobScheduler(
        name,
        { every: options.heartbeatEveryMs ?? 60_000 },
        { name, data: { source: "schedule" } },
      );
      await enqueue(queues, name, { source: "startup" });
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
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
