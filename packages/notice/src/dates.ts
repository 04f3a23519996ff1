/**
 * How people are told a time, in alerts, emails and the dashboard alike. Day first with the
 * month's name ("03/04" is two different days on either side of the Atlantic), a 24-hour clock
 * and the zone named. No imports: the dashboard's client components load this file.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const formats = new Map<string, Intl.DateTimeFormat>();

/** One Intl format per options and zone: they are costly to build, and a page shows hundreds of dates. */
function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let cached = formats.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-GB", options);
    formats.set(key, cached);
  }
  return cached;
}

const toDate = (at: Date | string) => (typeof at === "string" ? new Date(at) : at);

/** `zone` is an IANA zone ("Europe/Berlin"), or "local": the runtime's, in the dashboard the viewer's. */
const intlZone = (zone: string) => (zone === "local" ? undefined : zone);

/**
 * "9 Dec 2026, 02:43 UTC". Messages that leave the dashboard (alerts, emails) keep UTC, since
 * their readers sit in every zone; the dashboard's browser code passes "local", the viewer's
 * zone, which is named too ("9 Dec 2026, 03:43 CET", "8 Dec 2026, 21:43 GMT-5").
 */
export function formatDateTime(at: Date | string, zone = "UTC"): string {
  return format({
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    timeZone: intlZone(zone),
  }).format(toDate(at));
}

/** "8 Dec", a calendar day in `zone`: a chart's axis, where the year goes without saying. */
export function formatDay(at: Date | string, zone = "UTC"): string {
  return format({ day: "numeric", month: "short", timeZone: intlZone(zone) }).format(toDate(at));
}

const count = (value: number, unit: string) => `${value} ${unit}${value === 1 ? "" : "s"}`;

/**
 * How far `at` is from `now`, as people say it: "in 5 days", "3 hours ago", "in 20 minutes",
 * "just now". Whole days from two days on and hours below, as describeSpan counts spans (a
 * short-lived certificate's last day in hours), years from two years on; rounded down, so an
 * expiry never looks further off than it is.
 */
export function relativeTime(at: Date | string | number, now: Date | string | number): string {
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
  const amount = count(Math.floor(span / size), unit);
  return ms > 0 ? `in ${amount}` : `${amount} ago`;
}
