import type { JobsOptions } from "bullmq";
import { type JobName, jobs } from "./registry";

/** Registry options for a job, with the retry delay scaled down where a test needs seconds, not minutes. */
export function jobOptions(name: JobName, retryDelayMs?: number): JobsOptions {
  const options = jobs[name].options;
  if (retryDelayMs === undefined) return options;
  const type = typeof options.backoff === "object" ? options.backoff.type : "exponential";
  return { ...options, backoff: { type, delay: retryDelayMs } };
}
