import { describe, expect, it } from "vitest";
import { attemptsFor } from "../src/enqueue-notifications";
import { jobOptions } from "../src/job-options";
import { CAPPED_EXPONENTIAL, cappedExponentialBackoff, RETRY_CAP_MS } from "../src/retry-backoff";

const job = (delay: number) => ({ opts: { backoff: { type: CAPPED_EXPONENTIAL, delay } } }) as never;
/** The waits between a job's attempts, as BullMQ asks the strategy for them. */
const waits = (attempts: number, delay = 5_000) =>
  Array.from({ length: attempts - 1 }, (_, index) =>
    cappedExponentialBackoff(index + 1, CAPPED_EXPONENTIAL, undefined, job(delay)),
  );

describe("capped exponential retries", () => {
  it("doubles from the job's delay and never waits longer than the cap", () => {
    expect(waits(5)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(Math.max(...waits(64))).toBe(RETRY_CAP_MS);
  });

  it("keeps an email retrying through about a day's SMTP outage, a webhook for minutes", () => {
    const hours = (ms: number[]) => ms.reduce((sum, wait) => sum + wait, 0) / 3_600_000;
    expect(hours(waits(attemptsFor.email))).toBeGreaterThan(20);
    expect(hours(waits(attemptsFor.email))).toBeLessThan(26);
    expect(hours(waits(attemptsFor.webhook)) * 60).toBeCloseTo(10.6, 0);
  });

  it("keeps the capped type when tests shorten the delay", () => {
    expect(jobOptions("notify.deliver", 100).backoff).toEqual({ type: CAPPED_EXPONENTIAL, delay: 100 });
    expect(jobOptions("scan.domain", 100).backoff).toEqual({ type: "exponential", delay: 100 });
  });
});
