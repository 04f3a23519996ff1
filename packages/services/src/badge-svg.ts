import type { DomainStatus } from "@port443/db";
import { textWidth } from "./badge-text-width";

/** What a domain's badge says. */
export interface BadgeState {
  /** From the latest scan; "paused" while the domain is not monitored (its results may be old). */
  status: DomainStatus | "paused";
  /** As reports spell it ("A+"); null before the first graded scan. */
  grade: string | null;
  /** Whole days until the served certificate expires, negative once past; null before a scan. */
  daysLeft: number | null;
}

const label = "TLS";
const labelColour = "#555";
/** Each under white text at WCAG AA contrast or better (green 5.0:1, amber 5.0, red 6.5, grey 4.8). */
const colours = { ok: "#15803d", warning: "#b45309", critical: "#b91c1c", unknown: "#6b7280" } as const;

const days = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

/**
 * The value half: words and colour. An expired certificate is red whatever the last scan said, and
 * a state that is not a scan's verdict (pending, failed, paused) is grey, never green.
 */
function value({ status, grade, daysLeft }: BadgeState) {
  const grey = (text: string) => ({ text, spoken: text, colour: colours.unknown });
  if (status === "paused") return grey("paused");
  if (status === "pending") return grey("pending");
  if (status === "error") return grey("scan failed");
  if (daysLeft !== null && daysLeft < 0)
    return { text: "expired", spoken: "expired", colour: colours.critical };
  if (grade === null && daysLeft === null) return grey("unknown");
  const left = daysLeft === null ? null : days(daysLeft);
  return {
    text: [grade, left].filter(Boolean).join(" · "),
    spoken: [grade && `grade ${grade}`, left && `${left} left`].filter(Boolean).join(", "),
    colour: colours[status],
  };
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char]!,
  );

/** Text widths rounded up to odd whole pixels, as shields.io does, so the centre falls on the grid. */
const fitted = (text: string) => {
  const width = Math.ceil(textWidth(text));
  return width % 2 ? width : width + 1;
};

/**
 * Drawn at ten times the size and scaled down, for tenth-of-a-pixel placement; `textLength` holds
 * the text to the measured width, so a fallback font wider than Verdana is squeezed, never clipped.
 * The shadow copy is hidden from assistive tech; the badge as a whole is one image named by its
 * title.
 */
const text = (content: string, centre: number, width: number) => {
  const at = `x="${centre * 10}" transform="scale(.1)" textLength="${width * 10}"`;
  const escaped = escapeXml(content);
  return `<text aria-hidden="true" ${at} y="150" fill="#010101" fill-opacity=".3">${escaped}</text><text ${at} y="140">${escaped}</text>`;
};

/**
 * A domain's badge in the shields.io "flat" style: "TLS" on grey, then the grade and days left on
 * the status's colour, e.g. "A+ · 43 days" on green. Pure: the same state gives the same SVG.
 */
export function renderBadge(state: BadgeState): string {
  const shown = value(state);
  const labelText = fitted(label);
  const valueText = fitted(shown.text);
  const padding = 10; // 5 px either side of each text
  const labelWidth = labelText + padding;
  const valueWidth = valueText + padding;
  const width = labelWidth + valueWidth;
  const title = escapeXml(`${label}: ${shown.spoken}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${labelWidth}" height="20" fill="${labelColour}"/><rect x="${labelWidth}" width="${valueWidth}" height="20" fill="${shown.colour}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">`,
    text(label, labelWidth / 2, labelText),
    text(shown.text, labelWidth + valueWidth / 2, valueText),
    "</g></svg>",
  ].join("");
}
