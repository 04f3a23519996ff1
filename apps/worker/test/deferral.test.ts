import { describe, expect, it } from "vitest";
import { deferralDelayMs, deferralsOf } from "../src/scanning/deferral";

describe("putting a scan back for a busy address", () => {
  it("comes back after about 1, 2, 4 … s, at most 30 s, jittered by ±50 %", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((deferrals) => deferralDelayMs(deferrals, 0.5))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(deferralDelayMs(2, 0)).toBe(2_000);
    expect(deferralDelayMs(2, 0.999)).toBe(5_996);
  });

  it("counts the times a job was started without an attempt being used up", () => {
    expect(deferralsOf({ attemptsStarted: 1, attemptsMade: 0 })).toBe(0); // its first run
    expect(deferralsOf({ attemptsStarted: 4, attemptsMade: 0 })).toBe(3);
    expect(deferralsOf({ attemptsStarted: 5, attemptsMade: 2 })).toBe(2); // two retries, two deferrals
  });
});
