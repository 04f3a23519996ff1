/**
 * How people are told a time, in alerts, emails and the dashboard alike. Day first with the
 * month's name ("03/04" is two different days on either side of the Atlantic), a 24-hour clock
 * and the zone named. No imports: the dashboard's client components load this file.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "9 Dec 2026, 02:43 UTC". Messages that leave the dashboard (alerts, emails) keep UTC, since
 * their readers sit in every zone; the dashboard passes the viewer's zone (undefined: the
 * runtime's own), which is named too ("9 Dec 2026, 03:43 CET", "8 Dec 2026, 21:43 GMT-5").
 */
export function formatDateTime(at: Date | string, timeZone: string | undefined = "UTC"): string {
  const key = timeZone ?? "";
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
      timeZone,
    });
    formats.set(key, format);
  }
  return format.format(typeof at === "string" ? new Date(at) : at);
}

const count = (value: number, unit: string) => `${value} ${unit}${value === 1 ? "" : "s"}`;

/**
 * How far `at` is from `now`, as people say it: "in 5 days", "3 hours ago", "in 20 minutes",
 * "just now". Whole days from two days on and hours below, as the expiry model counts spans (a
 * short-lived certificate's last day in hours), years from two years on. Rounded towards the
 * past, as the scanner counts days left: an expiry never looks further off, nor a scan fresher,
 * than it is (5.8 days ahead is "in 5 days", 2.2 days back "3 days ago").
 */
export function relativeTime(at: Date | string, now: Date | string): string {
  const ms = new Date(at).getTime() - new Date(now).getTime();
  const span = Math.abs(ms);
  if (span < MINUTE_MS) return "just now";
  const [unit, size] =
    span >= 730 * DAY_MS
      ? ["year", 365 * DAY_MS]
      : span >= 2 * DAY_MS
        ? ["day", DAY_MS]
        : span >= HOUR_MS
          ? ["hour", HOUR_MS]
          : ["minute", MINUTE_MS];
  const amount = count(ms > 0 ? Math.floor(span / size) : Math.ceil(span / size), unit);
  return ms > 0 ? `in ${amount}` : `${amount} ago`;
}
