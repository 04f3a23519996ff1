import type { Severity } from "@port443/notice";
import type { ReactNode } from "react";

/** The glyph inside each shape, drawn in the badge's background colour. */
const glyph = "fill-none stroke-white stroke-2 [stroke-linecap:round] dark:stroke-slate-950";
const dot = "fill-white stroke-none dark:fill-slate-950";

/**
 * Every severity's look, in one place: a colour, a shape of its own (octagon, triangle, diamond,
 * square, circle) and a word, so it reads without colour too. Text pairs meet WCAG AA (4.5:1) and
 * shapes 3:1 on their badge, in the light and the dark theme.
 */
export const severityStyles: Record<
  Severity,
  { label: string; badge: string; icon: string; card: string; accent: string; shape: ReactNode }
> = {
  critical: {
    label: "Critical",
    badge: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
    icon: "text-red-700 dark:text-red-400",
    card: "border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/60",
    accent: "border-l-red-700 dark:border-l-red-400",
    shape: (
      <>
        <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
        <path d="M8 4.5v4" className={glyph} />
        <circle cx="8" cy="11.5" r="1.1" className={dot} />
      </>
    ),
  },
  high: {
    label: "High",
    badge:
      "border-orange-300 bg-orange-50 text-orange-900 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-100",
    icon: "text-orange-700 dark:text-orange-400",
    card: "border-orange-300 bg-orange-50 dark:border-orange-900 dark:bg-orange-950/60",
    accent: "border-l-orange-600 dark:border-l-orange-400",
    shape: (
      <>
        <path d="M8 .8l7.6 14H.4z" fill="currentColor" />
        <path d="M8 6v3.8" className={glyph} />
        <circle cx="8" cy="12.3" r="1.1" className={dot} />
      </>
    ),
  },
  medium: {
    label: "Medium",
    badge:
      "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
    icon: "text-amber-700 dark:text-amber-400",
    card: "border-amber-300 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/60",
    accent: "border-l-amber-500 dark:border-l-amber-400",
    shape: (
      <>
        <path d="M8 .5L15.5 8 8 15.5.5 8z" fill="currentColor" />
        <path d="M8 4.8v3.6" className={glyph} />
        <circle cx="8" cy="10.9" r="1.1" className={dot} />
      </>
    ),
  },
  low: {
    label: "Low",
    badge: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100",
    icon: "text-sky-700 dark:text-sky-400",
    card: "border-sky-300 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/60",
    accent: "border-l-sky-600 dark:border-l-sky-400",
    shape: (
      <>
        <rect x="1.5" y="1.5" width="13" height="13" rx="2.5" fill="currentColor" />
        <path d="M5 6.8l3 3 3-3" className={glyph} />
      </>
    ),
  },
  info: {
    label: "Info",
    badge:
      "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
    icon: "text-slate-600 dark:text-slate-400",
    card: "border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900",
    accent: "border-l-slate-500 dark:border-l-slate-400",
    shape: (
      <>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <circle cx="8" cy="4.8" r="1.1" className={dot} />
        <path d="M8 7.5v4" className={glyph} />
      </>
    ),
  },
};

/** A severity as a badge: shape, colour and word. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const style = severityStyles[severity];
  return (
    <span
      data-severity={severity}
      className={`inline-flex shrink-0 items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${style.badge}`}
    >
      <svg viewBox="0 0 16 16" className={`size-3.5 ${style.icon}`} aria-hidden="true">
        {style.shape}
      </svg>
      {style.label}
    </span>
  );
}
