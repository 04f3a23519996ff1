/** Slack's documented limits for the blocks this package sends. */
export const slackLimits = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  contextText: 3000,
  buttonText: 75,
} as const;

/** Shortens to `max` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/**
 * Escapes what mrkdwn treats as control syntax. Certificate names and error messages come from
 * servers we do not control, and `<!channel>` or `<https://…|label>` in them must stay text.
 */
const escapeMrkdwn = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** Escaped mrkdwn of at most `max` characters, never ending in a half-written entity like `&am`. */
export function mrkdwn(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  return `${truncate(escaped, max)
    .slice(0, -1)
    .replace(/&[a-z]*$/, "")}…`;
}

/** Joins as many leading lines as fit both limits, then says how many were left out. */
export function fitLines(
  lines: string[],
  limits: { chars: number; lines: number },
  more: (omitted: number) => string,
): string {
  for (let count = Math.min(lines.length, limits.lines); count >= 0; count--) {
    const omitted = lines.length - count;
    const text = [...lines.slice(0, count), ...(omitted > 0 ? [more(omitted)] : [])].join("\n");
    if (text.length <= limits.chars) return text;
  }
  return truncate(more(lines.length), limits.chars);
}
