"use client";
import { formatDay } from "@port443/notice/dates";
import { type KeyboardEvent, useRef, useState } from "react";
import { useClientNow } from "./client-clock";

const WEEK_MS = 7 * 86_400_000;

/** The smallest of 1, 2, 5, 10, 20, 50 … at or above `value`: a y axis that ends on a round number. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value)!;
  return step * magnitude;
}

const plural = (count: number) => `${count} ${count === 1 ? "certificate" : "certificates"}`;

/**
 * Certificate expiries per week as a bar chart with a count axis and week labels (the week's
 * first day, in the viewer's zone once hydrated), each bar's value on hover or keyboard focus
 * (one tab stop; arrow keys, Home and End move between weeks), and the same numbers as a table.
 */
export function ExpiryChart({ weeks, until }: { weeks: { from: Date; count: number }[]; until: Date }) {
  const now = useClientNow();
  const zone = now === null ? "UTC" : "local";
  const [active, setActive] = useState(0);
  const bars = useRef<(HTMLLIElement | null)[]>([]);
  const top = niceCeiling(Math.max(...weeks.map((week) => week.count)));
  const ticks = top === 1 ? [0, 1] : [0, top / 2, top];
  const rows = weeks.map((week, index) => {
    const last = new Date(Math.min(week.from.getTime() + WEEK_MS, until.getTime()) - 1);
    return {
      ...week,
      label: formatDay(week.from, zone),
      range: `${formatDay(week.from, zone)} – ${formatDay(last, zone)}`,
      index,
    };
  });

  const move = (event: KeyboardEvent) => {
    const next = {
      ArrowRight: active + 1,
      ArrowLeft: active - 1,
      Home: 0,
      End: weeks.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = Math.min(weeks.length - 1, Math.max(0, next));
    setActive(index);
    bars.current[index]?.focus();
  };

  return (
    <div className="space-y-3">
      {/* pt-8: room for the value shown over the tallest bar, below the panel's title. */}
      <figure className="grid grid-cols-[2rem_1fr] gap-x-2 pt-8">
        <div
          aria-hidden="true"
          className="relative h-40 text-right text-xs text-slate-600 dark:text-slate-400"
        >
          {ticks.map((tick) => (
            <span
              key={tick}
              className="absolute right-0 translate-y-1/2"
              style={{ bottom: `${(tick / top) * 100}%` }}
            >
              {tick}
            </span>
          ))}
        </div>
        <div className="relative">
          <div
            aria-hidden="true"
            className="absolute inset-x-0 top-0 h-40 border-b border-l border-slate-500"
          >
            {ticks.slice(1).map((tick) => (
              <span
                key={tick}
                className="absolute inset-x-0 border-t border-dashed border-slate-200 dark:border-slate-700"
                style={{ bottom: `${(tick / top) * 100}%` }}
              />
            ))}
          </div>
          <ol
            aria-label="Certificates expiring per week"
            className="relative flex gap-1 px-1"
            onKeyDown={move}
          >
            {rows.map((row) => (
              <li
                key={row.index}
                ref={(element) => {
                  bars.current[row.index] = element;
                }}
                tabIndex={row.index === active ? 0 : -1}
                onFocus={() => setActive(row.index)}
                className="group/bar relative flex min-w-0 flex-1 flex-col items-center rounded-sm"
              >
                <span className="flex h-40 w-full items-end justify-center">
                  <span
                    className="w-full max-w-10 rounded-t bg-brand-600 group-hover/bar:bg-brand-700 group-focus-visible/bar:bg-brand-700 dark:bg-brand-500"
                    style={{ height: `${(row.count / top) * 100}%` }}
                  />
                </span>
                <span
                  aria-hidden="true"
                  className={`mt-1 whitespace-nowrap text-xs text-slate-600 dark:text-slate-400 ${row.index % 2 ? "max-sm:invisible" : ""}`}
                >
                  {row.label}
                </span>
                <span className="sr-only">{`${row.range}: ${plural(row.count)}`}</span>
                <span
                  aria-hidden="true"
                  className={`invisible absolute bottom-full z-10 mb-1 whitespace-nowrap ${row.index < weeks.length / 2 ? "left-0" : "right-0"} rounded border border-slate-300 bg-white px-2 py-1 text-xs shadow-md group-hover/bar:visible group-focus-visible/bar:visible dark:border-slate-600 dark:bg-slate-800`}
                >
                  <span className="font-medium">{row.range}</span>: {plural(row.count)}
                </span>
              </li>
            ))}
          </ol>
        </div>
        <figcaption className="col-start-2 text-center text-xs text-slate-600 dark:text-slate-400">
          Week starting (bars: certificates expiring that week)
        </figcaption>
      </figure>
      <details className="text-sm">
        <summary className="cursor-pointer">Expiries as a table</summary>
        <table className="mt-2 w-full max-w-md text-left">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Certificates expiring</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.index}>
                <td>{row.range}</td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
