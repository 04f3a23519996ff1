import type { Severity } from "./report";

/**
 * The expiry model. Certificates are renewed by automation at a point in their lifetime, not a
 * fixed number of days before expiry: a 6-day certificate with 6 days left is healthy, a 45-day
 * one with 5 days left has missed its renewal. Each certificate gets a renewal point (two thirds
 * of its lifetime, the usual ACME client default, or the end of the window its CA suggests
 * through ARI); past that point plus a grace, its renewal is overdue. Fixed day tiers stay for
 * long, manually renewed certificates, where "30 days left" is what people plan by.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A span as people say it: whole days from two days on, hours below ("4 days", "20 hours"), so a
 * short-lived certificate's last day is counted in hours. The sign is dropped.
 */
export function describeSpan(ms: number): string {
  const hours = Math.floor(Math.abs(ms) / HOUR_MS);
  return hours >= 48 ? `${Math.floor(hours / 24)} days` : `${hours} hours`;
}

/** Fixed expiry tiers (days left → severity), first match wins; for long-lived certificates and the "fixed days" policy. */
export const fixedExpiryTiers: readonly { withinDays: number; severity: Severity }[] = [
  { withinDays: 7, severity: "critical" },
  { withinDays: 14, severity: "high" },
  { withinDays: 30, severity: "medium" },
];

/** Severity of the fixed tier `daysLeft` falls in; undefined above the last tier. */
export const fixedExpirySeverity = (daysLeft: number): Severity | undefined =>
  fixedExpiryTiers.find((tier) => daysLeft <= tier.withinDays)?.severity;

/**
 * Renewal is tracked for certificates of at most 200 days, the CA/Browser Forum maximum since
 * 2026-03-15: what CAs issue now, renewed by automation. Longer ones are yearly certificates
 * renewed by hand, for which "two thirds in" means nothing.
 */
export const TRACKED_LIFETIME_MAX_DAYS = 200;
/** "Short-lived": day tiers mean nothing at all; expiry is judged by the fraction left. */
export const SHORT_LIFETIME_MAX_DAYS = 30;

/** A renewal window suggested by the CA through ACME Renewal Information (RFC 9773). */
export interface SuggestedWindow {
  start: Date;
  end: Date;
}

export interface Renewal {
  lifetimeDays: number;
  /** When the certificate should have been replaced: ARI's window end, or two thirds of its lifetime. */
  dueAt: Date;
  /** `dueAt` plus the grace (a tenth of the lifetime, at least an hour): past it, renewal is overdue. */
  overdueAt: Date;
  source: "lifetime" | "ari";
  /** Whether overdue renewal is reported for this certificate (see TRACKED_LIFETIME_MAX_DAYS; always with ARI). */
  tracked: boolean;
}

export function renewalOf(notBefore: Date, notAfter: Date, window?: SuggestedWindow | null): Renewal {
  const lifetimeMs = Math.max(0, notAfter.getTime() - notBefore.getTime());
  const dueAt = window ? window.end : new Date(notBefore.getTime() + (lifetimeMs * 2) / 3);
  return {
    lifetimeDays: Math.round((lifetimeMs / DAY_MS) * 10) / 10,
    dueAt,
    overdueAt: new Date(dueAt.getTime() + Math.max(lifetimeMs / 10, HOUR_MS)),
    source: window ? "ari" : "lifetime",
    tracked:
      window !== undefined && window !== null ? true : lifetimeMs <= TRACKED_LIFETIME_MAX_DAYS * DAY_MS,
  };
}

/** Whether the last stretch has begun: under a tenth of the lifetime, or under a day, is left. */
export function inFinalStretch(notBefore: Date, notAfter: Date, now: Date): boolean {
  const left = notAfter.getTime() - now.getTime();
  const lifetime = notAfter.getTime() - notBefore.getTime();
  return left < Math.max(lifetime / 10, DAY_MS);
}

/**
 * The severity of "expires soon" for a certificate valid now, or undefined when it is not soon.
 * Short-lived certificates: not before a third of the lifetime is left (automation renews at two
 * thirds), critical in the final stretch. Longer ones: the fixed tiers, but never before a third
 * is left either, so a healthy 45-day certificate is not "expiring" at 30 days.
 */
export function expiringSoonSeverity(notBefore: Date, notAfter: Date, now: Date): Severity | undefined {
  const leftMs = notAfter.getTime() - now.getTime();
  const lifetimeMs = notAfter.getTime() - notBefore.getTime();
  if (leftMs < 0 || leftMs > lifetimeMs / 3) return undefined;
  if (lifetimeMs <= SHORT_LIFETIME_MAX_DAYS * DAY_MS) {
    return inFinalStretch(notBefore, notAfter, now) ? "critical" : "medium";
  }
  return fixedExpirySeverity(Math.floor(leftMs / DAY_MS));
}
