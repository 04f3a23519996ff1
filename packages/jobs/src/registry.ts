import type { JobsOptions } from "bullmq";
import { z } from "zod";
import { CAPPED_EXPONENTIAL } from "./retry-backoff";

/**
 * Every job the system runs: its queue, payload schema and delivery options. Producers and
 * processors both go through this table, so a payload is validated the same way at both ends.
 */
export const queueNames = {
  system: "system",
  /** The scheduler's ticks and housekeeping. */
  schedule: "schedule",
  scans: "scans",
  /** Watch probes, in batches: apart from deep scans, so neither kind waits behind the other. */
  watches: "watches",
  notifications: "notifications",
} as const;

export type QueueKey = keyof typeof queueNames;

interface JobDefinition<S extends z.ZodType> {
  queue: QueueKey;
  schema: S;
  options: JobsOptions;
}

const define = <S extends z.ZodType>(definition: JobDefinition<S>) => definition;

/**
 * BullMQ runs every job without a priority before any prioritized one, so scheduled scans carry a
 * priority too: a scan someone asked for (a new domain's first, "Scan now") goes ahead of them.
 */
export const scanPriority = { requested: 1, scheduled: 2 } as const;

/** Domains per watch batch job at most (the tick's batches are this size). */
export const WATCH_BATCH_MAX = 100;

const HOUR = 3_600;
const DAY = 24 * HOUR;

/** Once-a-day housekeeping: a few slow retries, a month of history. */
const dailyJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 60_000 },
  removeOnComplete: { age: DAY, count: 30 },
  removeOnFail: { age: 7 * DAY },
};

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
  /** Claims due domains from PostgreSQL and enqueues their scans; also re-enqueues stuck outbox rows. */
  "schedule.tick": define({
    queue: "schedule",
    schema: z.object({}).strict(),
    options: {
      attempts: 1,
      backoff: { type: "fixed", delay: 1_000 },
      removeOnComplete: { age: HOUR, count: 50 },
      removeOnFail: { age: DAY },
    },
  }),
  /** Deletes scans, findings and delivered notifications past the retention period. */
  "schedule.prune": define({
    queue: "schedule",
    schema: z.object({}).strict(),
    options: dailyJobOptions,
  }),
  /** Each morning: one email per recipient with the alerts their team's digest held back. */
  "schedule.digest": define({
    queue: "schedule",
    schema: z.object({}).strict(),
    options: dailyJobOptions,
  }),
  /** One scan of one domain: a scheduled slot (lease) or a requested scan (scanId). */
  "scan.domain": define({
    queue: "scans",
    schema: z.object({
      domainId: z.uuid(),
      /** Epoch ms of the schedule lease this job owns. */
      lease: z.number().int().optional(),
      /** A Scan row created by "Scan now". */
      scanId: z.uuid().optional(),
      /** A scheduled slot's reason: its interval (default), or a change its watch probe saw. */
      trigger: z.enum(["schedule", "change"]).optional(),
    }),
    options: {
      priority: scanPriority.scheduled,
      attempts: 3,
      backoff: { type: "exponential", delay: 15_000 },
      removeOnComplete: { age: HOUR, count: 1_000 },
      removeOnFail: { age: 7 * DAY, count: 10_000 },
    },
  }),
  /**
   * Watch probes for a batch of domains claimed together (one lease): one connection per address,
   * one database statement for the batch. A probe that sees a change claims a deep scan. Lost
   * (worker killed, Redis flushed): the lease expires and the tick claims the domains again.
   */
  "watch.batch": define({
    queue: "watches",
    schema: z.object({
      domainIds: z.array(z.uuid()).min(1).max(WATCH_BATCH_MAX),
      /** Epoch ms of the watch lease the batch owns. */
      lease: z.number().int(),
    }),
    options: {
      attempts: 2,
      backoff: { type: "fixed", delay: 5_000 },
      removeOnComplete: { age: HOUR, count: 1_000 },
      removeOnFail: { age: DAY, count: 1_000 },
    },
  }),
  /**
   * Delivers one outbox row (email or webhook); retried with backoff through outages, each wait
   * capped (retry-backoff.ts) so the sweep can tell a waiting retry from a lost job. Attempts
   * per channel: enqueue-notifications.ts.
   */
  "notify.deliver": define({
    queue: "notifications",
    schema: z.object({ notificationId: z.uuid() }),
    options: {
      attempts: 10,
      backoff: { type: CAPPED_EXPONENTIAL, delay: 5_000 },
      removeOnComplete: { age: DAY, count: 1_000 },
      removeOnFail: { age: 30 * DAY },
    },
  }),
  /**
   * Sends a notification group's due message (one outbox row, then notify.deliver). Delayed until
   * the group is due, its id the group and due time; the group's state lives in PostgreSQL, and
   * the tick flushes due groups whose job was lost.
   */
  "notify.flush": define({
    queue: "notifications",
    schema: z.object({
      groupId: z.uuid(),
      /** Epoch ms the group was due when this job was added: a timer firing a little early still flushes. */
      dueAt: z.number().int(),
    }),
    options: {
      attempts: 5,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: { age: HOUR, count: 1_000 },
      removeOnFail: { age: 7 * DAY },
    },
  }),
} as const;

export type JobName = keyof typeof jobs;
export type JobPayload<N extends JobName> = z.infer<(typeof jobs)[N]["schema"]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobs, name);
}
