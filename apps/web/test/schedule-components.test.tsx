import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DomainHistory } from "../src/components/domain-history";
import { IntervalField } from "../src/components/interval-field";
import { describeInterval, intervalParts } from "../src/lib/interval";

/** Text as read, without markup. */
const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("monitoring schedule in the dashboard", () => {
  it("says intervals in the largest whole unit", () => {
    expect(describeInterval(3_600)).toBe("1 hour");
    expect(describeInterval(86_400)).toBe("1 day");
    expect(describeInterval(7 * 86_400)).toBe("7 days");
    expect(describeInterval(5_400)).toBe("90 minutes");
    expect(describeInterval(90)).toBe("90 seconds");
    expect(intervalParts(21_600)).toEqual({ amount: 6, unitSeconds: 3_600 });
  });

  it("edits an interval as an amount and a unit, blank where the domain takes the team's", () => {
    const set = renderToStaticMarkup(<IntervalField label="Deep scan every" name="scan" seconds={172_800} />);
    expect(set).toMatch(/name="scan"[^>]*value="2"/);
    expect(set).toMatch(/<option value="86400" selected="">days<\/option>/);
    const blank = renderToStaticMarkup(
      <IntervalField label="Watch probe every" name="watch" seconds={null} unitSeconds={60} optional />,
    );
    expect(blank).not.toContain("required");
    expect(blank).toMatch(/<option value="60" selected="">minutes<\/option>/);
  });

  it("lists deep scans newest first, each with why it ran, and until when watch probes saw it unchanged", () => {
    const point = (at: string, trigger: "schedule" | "manual" | "change", seenUntil: string | null) => ({
      at: new Date(at),
      grade: "A" as const,
      failed: false,
      daysLeft: 30,
      trigger,
      seenUntil: seenUntil ? new Date(seenUntil) : null,
    });
    const html = renderToStaticMarkup(
      <DomainHistory
        points={[
          point("2026-11-01T00:00:00Z", "schedule", "2026-11-01T23:00:00Z"),
          point("2026-11-02T00:00:00Z", "change", null),
          point("2026-11-02T06:00:00Z", "manual", "2026-11-02T09:00:00Z"),
        ]}
        changes={[]}
        addresses={[]}
      />,
    );
    const timeline = text(html.match(/Deep scans and watch probes<\/h3><ol[^>]*>(.*?)<\/ol>/)![1]!);
    // The server renders exact UTC times; the browser says them relatively once hydrated.
    expect(timeline).toBe(
      [
        "Watch probes: seen unchanged until 2 Nov 2026, 09:00 UTC",
        "Deep scan 2 Nov 2026, 06:00 UTC, requested: A",
        "Deep scan 2 Nov 2026, 00:00 UTC, change seen by watch probe: A",
        "Watch probes: seen unchanged until 1 Nov 2026, 23:00 UTC",
        "Deep scan 1 Nov 2026, 00:00 UTC, scheduled: A",
      ].join(""),
    );
    // The table alternative says the same.
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => text(row[1]!));
    expect(rows).toEqual([
      "WhenWhyGradeDays leftSeen unchanged until",
      "2 Nov 2026, 06:00 UTCrequestedA302 Nov 2026, 09:00 UTC",
      "2 Nov 2026, 00:00 UTCchange seen by watch probeA30–",
      "1 Nov 2026, 00:00 UTCscheduledA301 Nov 2026, 23:00 UTC",
    ]);
  });
});
