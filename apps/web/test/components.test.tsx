import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CipherMatrix } from "../src/components/cipher-matrix";
import { DomainHistory } from "../src/components/domain-history";
import { GradeBadge } from "../src/components/grade-badge";
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
    });
    const one = renderToStaticMarkup(
      <DomainHistory points={[point(30, "2026-11-01T00:00:00Z")]} changes={[]} addresses={[]} />,
    );
    expect(one).toContain("Charts appear after the second scan.");
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
