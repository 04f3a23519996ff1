import { formatDateTime, relativeTime } from "@port443/notice/dates";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CipherMatrix } from "../src/components/cipher-matrix";
import { DomainHistory } from "../src/components/domain-history";
import { ExpiryChart, niceCeiling } from "../src/components/expiry-chart";
import { GradeBadge } from "../src/components/grade-badge";
import { RelativeTime } from "../src/components/relative-time";
import { SeverityBadge, severityStyles } from "../src/components/severity";
import { Button } from "../src/components/ui/button";
import { Field } from "../src/components/ui/field";
import { Select } from "../src/components/ui/select";
import { daysLeftLabel } from "../src/lib/format";
import { safeNext } from "../src/lib/safe-next";

describe("dashboard components", () => {
  it("spells grades the familiar way, with a title for assistive tech", () => {
    expect(renderToStaticMarkup(<GradeBadge grade="A_PLUS" />)).toMatch(/title="Grade A\+"[^>]*>A\+</);
    expect(renderToStaticMarkup(<GradeBadge grade={null} />)).toContain('title="Not graded yet"');
  });

  it("labels every select and input, visibly or for assistive tech only", () => {
    const visible = renderToStaticMarkup(
      <Select id="status" label="Status" name="status">
        <option>ok</option>
      </Select>,
    );
    expect(visible).toMatch(/<label for="status" class="block[^"]*">Status<\/label><select id="status"/);
    const hidden = renderToStaticMarkup(
      <Select id="mute" label="Mute notifications" hideLabel>
        <option>1 h</option>
      </Select>,
    );
    expect(hidden).toContain('<label for="mute" class="sr-only">Mute notifications</label>');
    const field = renderToStaticMarkup(<Field id="tag" label="Tag" className="w-28" error="Too long" />);
    expect(field).toMatch(
      /<input id="tag" aria-invalid="true" aria-describedby="tag-error" class="block w-28 /,
    );
    expect(field).toContain('<p id="tag-error"');
  });

  it("lends the button look to a link without making it a button", () => {
    const html = renderToStaticMarkup(
      <Button asChild variant="secondary">
        <a href="/domains">First page</a>
      </Button>,
    );
    expect(html).toMatch(
      /^<a href="\/domains" class="inline-flex[^"]*border-slate-300[^"]*">First page<\/a>$/,
    );
    expect(renderToStaticMarkup(<Button>Go</Button>)).toMatch(/^<button type="button"/);
  });

  it("marks weak cipher suites and keeps the server's order", () => {
    const html = renderToStaticMarkup(
      <CipherMatrix
        ciphers={{
          tls1_2: [
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
          ],
        }}
      />,
    );
    expect(html.indexOf("AES_128_GCM")).toBeLessThan(html.indexOf("AES_128_CBC"));
    expect(html).toContain("TLS_RSA_WITH_AES_128_CBC_SHA<span");
    expect(html).toMatch(/no forward secrecy/);
    expect(html).toMatch(/3DES_EDE_CBC_SHA<span[^>]*>\(112-bit\)/);
    expect(html).not.toMatch(/GCM_SHA256<span/);
  });

  it("charts history only from the second scan, and always offers the table", () => {
    const point = (days: number, at: string) => ({
      at: new Date(at),
      grade: "A" as const,
      failed: false,
      daysLeft: days,
      trigger: "schedule" as const,
      seenUntil: null,
    });
    const one = renderToStaticMarkup(
      <DomainHistory points={[point(30, "2026-11-01T00:00:00Z")]} changes={[]} addresses={[]} />,
    );
    expect(one).toContain("Charts appear after the second scan");
    expect(one).toContain("Scans as a table (1)");
    const two = renderToStaticMarkup(
      <DomainHistory
        points={[point(30, "2026-11-01T00:00:00Z"), point(29, "2026-11-02T00:00:00Z")]}
        changes={[]}
        addresses={[]}
      />,
    );
    expect(two).toContain("<polyline");
    expect(two).toContain("No certificate change seen yet.");
  });

  it("says times as people do, rounded down", () => {
    const now = new Date("2026-11-26T08:00:00Z");
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
    expect(relativeTime(at(5 * 24 + 20), now)).toBe("in 5 days");
    expect(relativeTime(at(-(2 * 24 + 4)), now)).toBe("2 days ago");
    expect(relativeTime(at(20.5), now)).toBe("in 20 hours");
    expect(relativeTime(at(-1), now)).toBe("1 hour ago");
    expect(relativeTime(at(0.25), now)).toBe("in 15 minutes");
    expect(relativeTime(at(0.01), now)).toBe("just now");
    expect(relativeTime(at(3 * 365 * 24 + 1), now)).toBe("in 3 years");
    expect(formatDateTime("2026-12-09T02:43:16Z")).toBe("9 Dec 2026, 02:43 UTC");
    expect(formatDateTime("2026-12-09T02:43:16Z", "Europe/Berlin")).toBe("9 Dec 2026, 03:43 CET");
    expect(formatDateTime("2026-12-09T02:43:16Z", "America/New_York")).toBe("8 Dec 2026, 21:43 GMT-5");
  });

  it("renders a time as exact UTC on the server, for the browser to turn local and relative", () => {
    // The server knows neither the viewer's clock nor zone: the exact time in UTC, machine-readable too.
    expect(renderToStaticMarkup(<RelativeTime at={new Date("2026-12-09T02:43:16Z")} />)).toBe(
      '<time dateTime="2026-12-09T02:43:16.000Z">9 Dec 2026, 02:43 UTC</time>',
    );
    expect(renderToStaticMarkup(<RelativeTime at={null} never="not yet" />)).toBe("not yet");
  });

  it("gives every severity its own word, shape and colour, from one table", () => {
    const badges = (["critical", "high", "medium", "low", "info"] as const).map((severity) =>
      renderToStaticMarkup(<SeverityBadge severity={severity} />),
    );
    expect(badges.map((html) => html.match(/<\/svg>([^<]+)<\/span>$/)?.[1])).toEqual([
      "Critical",
      "High",
      "Medium",
      "Low",
      "Info",
    ]);
    // The shape (the first path or primitive drawn) differs, so the badges read without colour.
    const shapes = badges.map((html) => html.match(/<svg[^>]*>(<[a-z]+ [^>]*>)/)?.[1]);
    expect(new Set(shapes).size).toBe(5);
    expect(badges[0]).toContain('aria-hidden="true"');
    const colours = Object.values(severityStyles).map((style) => style.badge.match(/bg-(\w+)-50/)?.[1]);
    expect(new Set(colours).size).toBe(5);
  });

  it("charts expiries per week with a count axis, week labels and a table of the same numbers", () => {
    expect([0, 1, 3, 7, 10, 11, 240].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 500]);
    const from = (week: number) => new Date(Date.parse("2026-12-07T10:00:00Z") + week * 7 * 86_400_000);
    const html = renderToStaticMarkup(
      <ExpiryChart
        weeks={[3, 0, 7].map((count, week) => ({ from: from(week), count }))}
        until={new Date(Date.parse("2026-12-07T10:00:00Z") + 20 * 86_400_000)}
      />,
    );
    // Axis: 0, 5, 10 (7 rounded up); labels: each week's first day (UTC on the server).
    expect([...html.matchAll(/translate-y-1\/2"[^>]*>(\d+)</g)].map((match) => match[1])).toEqual([
      "0",
      "5",
      "10",
    ]);
    // Weeks run from now, so one ends on the day the next begins.
    expect(html).toContain("7 Dec – 14 Dec: 3 certificates");
    // The last week ends with the horizon, not seven days on.
    expect(html).toContain("<td>21 Dec – 27 Dec</td><td>7</td>");
    expect(html).toContain("<td>14 Dec – 21 Dec</td><td>0</td>");
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
  });

  it("formats days left", () => {
    expect(daysLeftLabel(new Date(Date.now() + 3 * 86_400_000 + 60_000))).toBe("3 d");
    expect(daysLeftLabel(new Date(Date.now() - 2 * 86_400_000 - 60_000))).toBe("expired 3 d ago");
  });

  it("keeps sign-in redirects on this site, as a browser would resolve them", () => {
    const site = "https://port443.example";
    expect(safeNext("/domains?grade=B#expiring", site)).toBe("/domains?grade=B#expiring");
    expect(safeNext("https://port443.example/alerts", site)).toBe("/alerts");
    expect(safeNext(undefined, site)).toBe("/overview");
    expect(safeNext("", site, "/onboarding")).toBe("/onboarding");
    // Another origin, however disguised: browsers drop tabs and line breaks and read backslashes as slashes.
    for (const disguised of [
      "//evil.example/x",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "\t//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "http://port443.example/overview",
      "javascript:alert(document.cookie)",
      // Dot segments that collapse into "//evil.example".
      "/a/../..//evil.example",
      "/.//evil.example",
    ])
      expect(safeNext(disguised, site), JSON.stringify(disguised)).toBe("/overview");
    // Percent-encoded, the same characters stay in the path: a page of this site.
    expect(safeNext("/%09/evil.example", site)).toBe("/%09/evil.example");
    expect(safeNext("/%2F%2Fevil.example", site)).toBe("/%2F%2Fevil.example");
    expect(safeNext("/%5C%5Cevil.example", site)).toBe("/%5C%5Cevil.example");
  });
});
