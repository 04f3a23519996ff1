import { type ConnectionOptions, type JobsOptions, Queue } from "bullmq";
import { type JobName, type JobPayload, jobs, type QueueKey, queueNames } from "./registry";

/** Key prefix in Redis; tests use their own so runs never see each other's jobs. */
export const DEFAULT_PREFIX = "port443";

export interface QueueOptions {
  connection: ConnectionOptions;
  prefix?: string;
}

export type Queues = Record<QueueKey, Queue> & { close(): Promise<void> };

export function createQueues({ connection, prefix = DEFAULT_PREFIX }: QueueOptions): Queues {
  const entries = Object.entries(queueNames).map(
    ([key, name]) => [key, new Queue(name, { connection, prefix })] as const,
  );
  const queues = Object.fromEntries(entries) as Record<QueueKey, Queue>;
  return Object.assign(queues, {
    close: async () => {
      await Promise.all(entries.map(([, queue]) => queue.close()));
    },
  });
}

/**
 * Validates every payload against the registry and adds the jobs in one round trip, each with
 * its registry options and its own (a job id, the attempts).
 */
export async function enqueueMany<N extends JobName>(
  queues: Queues,
  name: N,
  items: { payload: JobPayload<N>; options?: JobsOptions }[],
) {
  if (!items.length) return [];
  const definition = jobs[name];
  return queues[definition.queue].addBulk(
    items.map((item) => ({
      name,
      data: definition.schema.parse(item.payload),
      opts: { ...definition.options, ...item.options },
    })),
  );
}

/** Validates the payload against the registry and adds the job with its default options. */
export async function enqueue<N extends JobName>(
  queues: Queues,
  name: N,
  payload: JobPayload<N>,
  options: JobsOptions = {},
) {
  const definition = jobs[name];
  const data = definition.schema.parse(payload);
  return queues[definition.queue].add(name, data, { ...definition.options, ...options });
}
