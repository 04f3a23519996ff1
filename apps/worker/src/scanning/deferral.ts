/** A scan put back for a busy address first returns after about this long… */
const FIRST_DEFERRAL_MS = 1_000;
/** …doubling each time up to this (before jitter): a busy address frees a lease within a scan timeout. */
const LONGEST_DEFERRAL_MS = 30_000;

/**
 * When a scan whose address had no free lease comes back: exponential in how often it was put
 * back already, jittered by ±50 % so the scans waiting for one address do not return together.
 */
export function deferralDelayMs(deferrals: number, random = Math.random()): number {
  const base = Math.min(LONGEST_DEFERRAL_MS, FIRST_DEFERRAL_MS * 2 ** Math.max(0, deferrals));
  return Math.round(base * (0.5 + random));
}

/**
 * How often a job was put back so far: BullMQ counts every start (this one included) but only
 * the attempts that failed, and a job moved to delayed is started again without an attempt.
 */
export const deferralsOf = (job: { attemptsStarted: number; attemptsMade: number }) =>
  Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
