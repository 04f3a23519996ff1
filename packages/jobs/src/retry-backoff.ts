import type { BackoffOptions, MinimalJob } from "bullmq";

/**
 * Retries back off exponentially up to this wait and no further. The scheduler's sweep treats an
 * outbox row that has waited longer than twice this as one whose job was lost (Redis flushed), so
 * a capped wait is what lets it tell a slow retry from a lost one and never double it.
 */
export const RETRY_CAP_MS = 60 * 60_000;

/** The registry's backoff type for capped exponential retries (BullMQ calls it a custom strategy). */
export const CAPPED_EXPONENTIAL = "capped-exponential";

/**
 * BullMQ's `backoffStrategy` for every worker: `delay · 2^(attempt−1)`, at most RETRY_CAP_MS.
 * BullMQ hands over jobs of other types only if it has no builtin of that name.
 */
export function cappedExponentialBackoff(
  attemptsMade: number,
  _type?: string,
  _error?: Error,
  job?: MinimalJob,
) {
  const delay = (job?.opts.backoff as BackoffOptions | undefined)?.delay ?? 5_000;
  return Math.min(RETRY_CAP_MS, Math.round(delay * 2 ** Math.max(0, attemptsMade - 1)));
}
