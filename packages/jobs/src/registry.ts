import type { JobsOptions } from "bullmq";
import { z } from "zod";

/**
 * Every job the system runs: its queue, payload schema and delivery options. Producers and
 * processors both go through this table, so a payload is validated the same way at both ends.
 */
export const queueNames = {
  system: "system",
} as const;

export type QueueKey = keyof typeof queueNames;

interface JobDefinition<S extends z.ZodType> {
  queue: QueueKey;
  schema: S;
  options: JobsOptions;
}

const define = <S extends z.ZodType>(definition: JobDefinition<S>) => definition;

const HOUR = 3_600;
const DAY = 24 * HOUR;

export const jobs = {
  /** Round trip through Redis and PostgreSQL, scheduled every minute; feeds the worker's /health. */
  "system.heartbeat": define({
    queue: "system",
    schema: z.object({ source: z.enum(["startup", "schedule"]) }),
    options: {
      attempts: 3,
      backoff: { type: "exponential", delay: 1_000 },
      removeOnComplete: { age: HOUR, count: 100 },
      removeOnFail: { age: 7 * DAY },
    },
  }),
} as const;

export type JobName = keyof typeof jobs;
export type JobPayload<N extends JobName> = z.infer<(typeof jobs)[N]["schema"]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobs, name);
}
