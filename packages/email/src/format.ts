import { formatDateTime } from "@port443/notice";
import type { AlertNotice } from "./notice";

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

export const endpoint = (domain: AlertNotice["domain"]) => `${domain.hostname}:${domain.port}`;

/** "5 days left", "expires today", "expired 3 days ago". */
export function daysLeft(days: number): string {
  if (days > 0) return `${plural(days, "day")} left`;
  if (days === 0) return "expires today";
  return `expired ${plural(-days, "day")} ago`;
}

/** "in 5 days", "within a day", "3 days ago": the whole days the subject counts, said as a time. */
function daysFromNotice(days: number): string {
  if (days > 0) return `in ${plural(days, "day")}`;
  if (days === 0) return "within a day";
  return `${plural(-days, "day")} ago`;
}

/** "1 Dec 2026, 12:00 UTC (in 5 days)", or whichever half is known. UTC: recipients sit in every time zone. */
export function expiryText(certificate: AlertNotice["certificate"]): string | null {
  const date = certificate?.notAfter ? formatDateTime(certificate.notAfter) : null;
  const days = certificate?.daysRemaining != null ? daysFromNotice(certificate.daysRemaining) : null;
  if (date && days) return `${date} (${days})`;
  return date ?? days ?? null;
}

/**
 * The organisation, else the common name, of a DN as the scanner writes it ("C=US, O=Example
 * Trust, CN=R11" gives "Example Trust"): short enough for a subject line.
 */
export function shortName(dn: string): string {
  const attribute = (name: string) => new RegExp(`(?:^|,\\s*)${name}=([^,]+)`).exec(dn)?.[1]?.trim();
  return attribute("O") ?? attribute("CN") ?? dn;
}

/** "A → C", or the one grade that is known; "(provisional)" when the scan did not finish every step. */
export function gradeChange(grade: AlertNotice["grade"]): string | null {
  if (!grade?.current) return null;
  const change =
    grade.previous && grade.previous !== grade.current
      ? `${grade.previous} → ${grade.current}`
      : grade.current;
  return grade.provisional ? `${change} (provisional: some steps of the scan did not finish)` : change;
}
