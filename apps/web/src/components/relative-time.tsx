"use client";
import { formatDateTime, relativeTime } from "@port443/notice/dates";
import { useId, useRef } from "react";
import { useClientNow } from "./client-clock";

/**
 * A point in time as the dashboard shows it: "in 5 days", "3 hours ago", with the exact time in
 * the viewer's zone ("9 Dec 2026, 03:43 CET") in a tooltip on hover and keyboard focus (`exact`
 * swaps the two). The server renders the exact time in UTC, which needs neither clock nor zone;
 * the browser switches to local values once hydrated (see useClientNow). The tooltip is a popover,
 * in the top layer, so no scrolling table clips it; Escape, leaving or blurring closes it.
 */
export function RelativeTime({
  at,
  never = "never",
  exact = false,
}: {
  at: Date | string | null | undefined;
  /** What to say when there is no time (a key never used, a domain never scanned). */
  never?: string;
  /** Show the exact time, and the relative one in the tooltip. */
  exact?: boolean;
}) {
  const now = useClientNow();
  const tooltip = useRef<HTMLSpanElement>(null);
  const id = useId();
  if (!at) return <>{never}</>;
  const date = new Date(at);
  const dateTime = date.toISOString();
  if (now === null) return <time dateTime={dateTime}>{formatDateTime(date)}</time>;
  const local = formatDateTime(date, "local");
  const relative = relativeTime(date, now);

  const show = (anchor: HTMLElement) => {
    const popover = tooltip.current;
    if (!popover || popover.matches(":popover-open")) return;
    popover.showPopover();
    // Under the time, kept inside the viewport (above it near the bottom edge).
    const box = anchor.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = popover;
    popover.style.left = `${Math.max(4, Math.min(box.left, innerWidth - width - 4))}px`;
    popover.style.top = `${box.bottom + height > innerHeight ? box.top - height : box.bottom}px`;
    // A fixed tooltip would drift from its time once the page scrolls.
    addEventListener("scroll", hide, { once: true, capture: true });
  };
  const hide = () => {
    if (tooltip.current?.matches(":popover-open")) tooltip.current.hidePopover();
  };
  return (
    <time
      dateTime={dateTime}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the exact time shows on focus, for keyboard users too
      tabIndex={0}
      aria-describedby={id}
      className="cursor-help rounded-sm underline decoration-dotted decoration-1 underline-offset-2"
      onMouseEnter={(event) => show(event.currentTarget)}
      onFocus={(event) => show(event.currentTarget)}
      onMouseLeave={hide}
      onBlur={hide}
      onKeyDown={(event) => {
        if (event.key === "Escape") hide();
      }}
    >
      {exact ? local : relative}
      <span
        ref={tooltip}
        id={id}
        role="tooltip"
        popover="manual"
        className="inset-auto m-0 whitespace-nowrap rounded border border-slate-300 bg-white px-2 py-1 text-xs font-normal text-slate-900 shadow-md dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        {exact ? relative : local}
      </span>
    </time>
  );
}
