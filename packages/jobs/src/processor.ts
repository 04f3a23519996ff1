import { type Job, UnrecoverableError } from "bullmq";
import { isJobName, type JobName, type JobPayload, jobs } from "./registry";

/** A failure that retrying cannot fix (bad payload, unknown domain, refused address). */
export class PermanentJobError extends UnrecoverableError {
  override name = "PermanentJobError";
}

/**
 * `token` is the lock BullMQ holds on the job for this worker: a handler that moves its own job
 * (`job.moveToDelayed(timestamp, token)`, then throwing `DelayedError`) needs it.
 */
export type Handler<N extends JobName> = (
  payload: JobPayload<N>,
  job: Job,
  token?: string,
) => Promise<unknown>;
export type Handlers = { [N in JobName]?: Handler<N> };

/**
 * Builds a BullMQ processor from per-job handlers: unknown job names and payloads that fail
 * their schema are permanent failures; anything a handler throws is retried per the job's options
 * unless it is a PermanentJobError.
 */
export function createProcessor(handlers: Handlers) {
  return async (job: Job, token?: string): Promise<unknown> => {
    if (!isJobName(job.name)) throw new PermanentJobError(`unknown job "${job.name}"`);
    const handler = handlers[job.name] as Handler<JobName> | undefined;
    if (!handler) throw new PermanentJobError(`no handler for "${job.name}" in this worker`);
    const parsed = jobs[job.name].schema.safeParse(job.data);
    if (!parsed.success) {
      throw new PermanentJobError(`invalid payload for "${job.name}": ${parsed.error.message}`);
    }
    return handler(parsed.data, job, token);
  };
}
