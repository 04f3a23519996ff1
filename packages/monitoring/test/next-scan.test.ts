import { describe, expect, it } from "vitest";
import { nextScanDelayMs } from "../src/schedule/next-scan";

const MINUTE = 60_000;
const SIX_HOURS = 360 * MINUTE;

describe("nextScanDelayMs", () => {
  it("waits the interval after a good scan", () => {
    expect(nextScanDelayMs(0, SIX_HOURS)).toBe(SIX_HOURS);
  });

  it("retries a failing domain after 1, 2, 4 … minutes in a row, never later than the interval", () => {
    expect([1, 2, 3, 4, 5].map((failures) => nextScanDelayMs(failures, SIX_HOURS) / MINUTE)).toEqual([
      1, 2, 4, 8, 16,
    ]);
    expect(nextScanDelayMs(9, SIX_HOURS)).toBe(256 * MINUTE);
    expect(nextScanDelayMs(10, SIX_HOURS)).toBe(SIX_HOURS); // 512 minutes would be past it
    expect(nextScanDelayMs(2_000, SIX_HOURS)).toBe(SIX_HOURS);
    expect(nextScanDelayMs(3, 2 * MINUTE)).toBe(2 * MINUTE);
  });
});
