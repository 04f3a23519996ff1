import type { CSSProperties } from "react";
import type { Severity } from "../notice";

export type BadgeTone = Severity | "resolved" | "digest";

/** Badge colours; text and background meet WCAG AA contrast. */
export const badgeColors: Record<BadgeTone, { color: string; background: string }> = {
  critical: { color: "#ffffff", background: "#b42318" },
  high: { color: "#ffffff", background: "#c4320a" },
  medium: { color: "#4e3300", background: "#fdb022" },
  low: { color: "#ffffff", background: "#175cd3" },
  info: { color: "#344054", background: "#e4e7ec" },
  resolved: { color: "#ffffff", background: "#067647" },
  digest: { color: "#ffffff", background: "#344054" },
};

const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const mono = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";

/** Inline styles: most mail clients drop <style> blocks. */
export const styles = {
  body: { backgroundColor: "#f2f4f7", fontFamily: font, color: "#101828", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: 8, padding: "24px 32px", maxWidth: 600 },
  brand: { fontSize: 13, color: "#667085", margin: "0 0 16px" },
  badge: {
    display: "inline-block",
    borderRadius: 4,
    padding: "2px 8px",
    fontSize: 12,
    fontWeight: 600,
    textTransform: "uppercase",
    letterSpacing: "0.04em",
  },
  heading: { fontSize: 22, lineHeight: "30px", margin: "12px 0 16px" },
  subheading: { fontSize: 16, margin: "24px 0 8px" },
  headline: { fontSize: 32, lineHeight: "40px", fontWeight: 700, margin: "8px 0 16px" },
  paragraph: { fontSize: 14, lineHeight: "22px", margin: "0 0 12px" },
  muted: { fontSize: 13, lineHeight: "20px", color: "#475467", margin: "0 0 4px" },
  code: {
    fontFamily: mono,
    fontSize: 13,
    backgroundColor: "#f2f4f7",
    borderRadius: 4,
    padding: "8px 12px",
    margin: "0 0 12px",
    wordBreak: "break-all",
  },
  factLabel: {
    fontSize: 13,
    color: "#667085",
    padding: "4px 16px 4px 0",
    verticalAlign: "top",
    whiteSpace: "nowrap",
  },
  factValue: { fontSize: 14, padding: "4px 0", wordBreak: "break-all" },
  item: { borderTop: "1px solid #eaecf0", padding: "12px 0" },
  itemTitle: { fontSize: 14, fontWeight: 600, margin: "6px 0 4px" },
  button: {
    backgroundColor: "#175cd3",
    color: "#ffffff",
    borderRadius: 6,
    padding: "10px 18px",
    fontSize: 14,
    fontWeight: 600,
  },
  action: { margin: "24px 0 8px" },
  rule: { borderColor: "#eaecf0", margin: "24px 0 16px" },
  footer: { fontSize: 12, lineHeight: "18px", color: "#667085", margin: 0 },
} satisfies Record<string, CSSProperties>;
