/** @jsxRuntime automatic @jsxImportSource react */
import { type BadgeTone, badgeColors, styles } from "./styles";

/** Severity, "resolved" or "digest" as a coloured label; in plain text it is just the word. */
export function Badge({ tone }: { tone: BadgeTone }) {
  return <span style={{ ...styles.badge, ...badgeColors[tone] }}>{tone}</span>;
}
