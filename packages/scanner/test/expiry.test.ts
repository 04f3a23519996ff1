import { describe, expect, it } from "vitest";
import { describeSpan, expiringSoonSeverity, inFinalStretch, renewalOf } from "../src/expiry";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const issued = new Date("2026-12-01T00:00:00Z");
const at = (ms: number) => new Date(issued.getTime() + ms);

describe("renewal point", () => {
  it("is two thirds of the lifetime, overdue a tenth of the lifetime later", () => {
    const renewal = renewalOf(issued, at(45 * DAY));
    expect(renewal).toEqual({
      lifetimeDays: 45,
      dueAt: at(30 * DAY),
      overdueAt: at(34.5 * DAY),
      source: "lifetime",
      tracked: true,
    });
  });

  it("gives short certificates at least an hour of grace", () => {
    const renewal = renewalOf(issued, at(6 * HOUR));
    expect(renewal.overdueAt.getTime() - renewal.dueAt.getTime()).toBe(HOUR);
  });

  it("takes the end of the CA's suggested window when there is one", () => {
    const window = { start: at(10 * DAY), end: at(12 * DAY) };
    expect(renewalOf(issued, at(90 * DAY), window)).toMatchObject({
      dueAt: window.end,
      overdueAt: at(21 * DAY),
      source: "ari",
      tracked: true,
    });
  });

  it("tracks certificates up to the 200-day maximum, not yearly ones renewed by hand", () => {
    expect(renewalOf(issued, at(200 * DAY)).tracked).toBe(true);
    expect(renewalOf(issued, at(201 * DAY)).tracked).toBe(false);
    expect(renewalOf(issued, at(398 * DAY)).tracked).toBe(false);
    expect(renewalOf(issued, at(398 * DAY), { start: at(DAY), end: at(2 * DAY) }).tracked).toBe(true);
  });
});

describe("expires soon", () => {
  const cases: { lifetime: number; elapsed: number; expected: string | undefined }[] = [
    // 6-day (Let's Encrypt shortlived): nothing until a third is left, critical in the last day.
    { lifetime: 6 * DAY, elapsed: 0, expected: undefined },
    { lifetime: 6 * DAY, elapsed: 3.9 * DAY, expected: undefined },
    { lifetime: 6 * DAY, elapsed: 4.1 * DAY, expected: "medium" },
    { lifetime: 6 * DAY, elapsed: 5.1 * DAY, expected: "critical" },
    // 30-day: critical below a tenth (3 days).
    { lifetime: 30 * DAY, elapsed: 26 * DAY, expected: "medium" },
    { lifetime: 30 * DAY, elapsed: 27.5 * DAY, expected: "critical" },
    // 45-day: fixed tiers, but not before a third is left (15 days).
    { lifetime: 45 * DAY, elapsed: 15 * DAY, expected: undefined },
    { lifetime: 45 * DAY, elapsed: 31 * DAY, expected: "high" },
    { lifetime: 45 * DAY, elapsed: 40 * DAY, expected: "critical" },
    // 398-day: the fixed 30/14/7 tiers.
    { lifetime: 398 * DAY, elapsed: 360 * DAY, expected: undefined },
    { lifetime: 398 * DAY, elapsed: 369 * DAY, expected: "medium" },
    { lifetime: 398 * DAY, elapsed: 385 * DAY, expected: "high" },
    { lifetime: 398 * DAY, elapsed: 392 * DAY, expected: "critical" },
    // Expired is another finding.
    { lifetime: 90 * DAY, elapsed: 91 * DAY, expected: undefined },
  ];
  it.each(cases)("lifetime $lifetime ms, $elapsed ms in: $expected", ({ lifetime, elapsed, expected }) => {
    expect(expiringSoonSeverity(issued, at(lifetime), at(elapsed))).toBe(expected);
  });

  it("knows the final stretch: a tenth of the lifetime or a day, whichever is longer", () => {
    expect(inFinalStretch(issued, at(45 * DAY), at(40 * DAY))).toBe(false);
    expect(inFinalStretch(issued, at(45 * DAY), at(41 * DAY))).toBe(true);
    expect(inFinalStretch(issued, at(6 * DAY), at(4.9 * DAY))).toBe(false);
    expect(inFinalStretch(issued, at(6 * DAY), at(5.1 * DAY))).toBe(true);
  });
});

describe("spans in words", () => {
  it("counts days from two days on and hours below, whatever the sign", () => {
    expect(describeSpan(5 * DAY + 3 * HOUR)).toBe("5 days");
    expect(describeSpan(2 * DAY)).toBe("2 days");
    expect(describeSpan(47 * HOUR + 59 * 60_000)).toBe("47 hours");
    expect(describeSpan(-20 * HOUR)).toBe("20 hours");
  });
});
