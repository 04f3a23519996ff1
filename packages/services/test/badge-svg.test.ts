import { describe, expect, it } from "vitest";
import { type BadgeState, renderBadge } from "../src/badge-svg";
import { textWidth } from "../src/badge-text-width";

/**
 * Throws unless `xml` is one well-formed element: every tag closed in order, attributes quoted,
 * no raw "<" or bare "&" in text or attribute values.
 */
function assertWellFormed(xml: string) {
  const open: string[] = [];
  let roots = 0;
  // Sticky, and every character is some alternative's, so the tokens cover the whole string.
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    const [, closing, name, attributes, selfClosing, text, stray] = match;
    if (stray) throw new Error(`stray "<" at ${match.index}`);
    const content = text ?? attributes ?? "";
    if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(content)) throw new Error(`bare "&" at ${match.index}`);
    if (text !== undefined) {
      if (!open.length) throw new Error("text outside the root");
      continue;
    }
    if (closing) {
      if (open.pop() !== name) throw new Error(`</${name}> closes nothing open`);
    } else if (!selfClosing) {
      if (!open.length) roots++;
      open.push(name!);
    } else if (!open.length) roots++;
  }
  if (open.length) throw new Error(`<${open.at(-1)}> never closed`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

/** The parts a person sees and a screen reader hears. */
function read(svg: string) {
  assertWellFormed(svg);
  const texts = [...svg.matchAll(/<text (?!aria-hidden)[^>]*textLength="(\d+)"[^>]*>([^<]*)<\/text>/g)];
  const rects = [...svg.matchAll(/<rect (?:x="(\d+)" )?width="(\d+)" height="20" fill="(#[0-9a-f]+)"\/>/g)];
  return {
    title: svg.match(/<title>([^<]*)<\/title>/)?.[1],
    ariaLabel: svg.match(/^<svg [^>]*aria-label="([^"]*)"/)?.[1],
    role: svg.match(/^<svg [^>]*role="([^"]*)"/)?.[1],
    width: Number(svg.match(/^<svg [^>]*width="(\d+)"/)?.[1]),
    label: texts[0]?.[2],
    value: texts[1]?.[2],
    valueTextLength: Number(texts[1]?.[1]) / 10,
    labelColour: rects[0]?.[3],
    valueColour: rects[1]?.[3],
    valueRect: { x: Number(rects[1]?.[1]), width: Number(rects[1]?.[2]) },
  };
}

const state = (overrides: Partial<BadgeState>): BadgeState => ({
  status: "ok",
  grade: "A+",
  daysLeft: 43,
  ...overrides,
});

describe("renderBadge", () => {
  it("is checked by a checker that refuses broken XML", () => {
    for (const broken of ["<a><b></a>", '<a x="1">', "<a x=1/>", "<a>&x</a>", "<a/><b/>", "<a>1 < 2</a>"])
      expect(() => assertWellFormed(broken), broken).toThrow();
  });

  it.each([
    ["ok", state({}), "A+ · 43 days", "#15803d", "TLS: grade A+, 43 days left"],
    [
      "warning",
      state({ status: "warning", grade: "B" }),
      "B · 43 days",
      "#b45309",
      "TLS: grade B, 43 days left",
    ],
    [
      "critical",
      state({ status: "critical", grade: "F", daysLeft: 1 }),
      "F · 1 day",
      "#b91c1c",
      "TLS: grade F, 1 day left",
    ],
    ["expired", state({ daysLeft: -3 }), "expired", "#b91c1c", "TLS: expired"],
    ["error", state({ status: "error" }), "scan failed", "#6b7280", "TLS: scan failed"],
    [
      "pending",
      state({ status: "pending", grade: null, daysLeft: null }),
      "pending",
      "#6b7280",
      "TLS: pending",
    ],
    ["paused", state({ status: "paused" }), "paused", "#6b7280", "TLS: paused"],
  ])("draws %s: its words on its colour, named for assistive tech", (_, badge, value, colour, name) => {
    const shown = read(renderBadge(badge));
    expect(shown).toMatchObject({ label: "TLS", value, valueColour: colour, labelColour: "#555" });
    expect(shown).toMatchObject({ role: "img", title: name, ariaLabel: name });
  });

  it("says the days alone when there is no grade, and never green without a verdict", () => {
    expect(read(renderBadge(state({ grade: null }))).value).toBe("43 days");
    const unknown = read(renderBadge(state({ grade: null, daysLeft: null })));
    expect([unknown.value, unknown.valueColour]).toEqual(["unknown", "#6b7280"]);
  });

  it("sizes each half to its text, so a longer value makes a wider badge that still holds it", () => {
    const short = read(renderBadge(state({ daysLeft: 5 })));
    const long = read(renderBadge(state({ daysLeft: 1234 })));
    expect(long.width).toBeGreaterThan(short.width);
    for (const shown of [short, long]) {
      expect(shown.valueTextLength).toBeGreaterThanOrEqual(textWidth(shown.value!));
      expect(shown.valueRect.width).toBe(shown.valueTextLength + 10);
      expect(shown.valueRect.x + shown.valueRect.width).toBe(shown.width);
    }
  });

  it("escapes what it writes, so odd text cannot break the XML", () => {
    const shown = read(renderBadge(state({ grade: `<b>&"'` })));
    expect(shown.value).toBe("&lt;b&gt;&amp;&quot;&apos; · 43 days");
    // Characters outside the table count as the widest glyph, so they are never squeezed.
    expect(textWidth("é")).toBeGreaterThan(textWidth("W"));
  });
});
