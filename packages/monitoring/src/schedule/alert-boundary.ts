import type { ScanReport } from "@port443/scanner";
import type { EffectivePolicy } from "../policy";

const DAY_MS = 86_400_000;
/** The scanner warns about an intermediate from 30 whole days before its expiry (rules/checks.ts). */
const INTERMEDIATE_WARNING_DAYS = 30;

/**
 * The first moment after `now` at which this scan's certificate alerts could change with time alone,
 * nothing on the server changing: the leaf becoming valid or expiring, a day threshold of the
 * policy passing (daysRemaining is whole days, so "≤ 7 days" begins 8 days before expiry), renewal
 * becoming overdue, the final stretch, the CA's ARI window opening, an intermediate nearing or
 * passing its expiry. Null when none lies ahead.
 *
 * Watch probes only compare what the server shows; from this moment on they ask for a deep scan,
 * which decides these alerts with the whole picture (ARI, CRLs, the policy). An early guess costs
 * one deep scan that changes nothing, never a loop: the next boundary is computed after `now`.
 */
export function nextAlertBoundary(report: ScanReport, policy: EffectivePolicy, now: Date): Date | null {
  const leaf = report.certificate;
  if (!leaf) return null;
  const notBefore = Date.parse(leaf.notBefore);
  const notAfter = Date.parse(leaf.notAfter);
  const candidates = [notBefore, notAfter];
  const renewal = report.renewal;
  if (policy.expiryMode === "fixed" || !renewal?.tracked) {
    candidates.push(...policy.expiryThresholds.map((days) => notAfter - (days + 1) * DAY_MS));
  } else {
    candidates.push(Date.parse(renewal.overdueAt));
    candidates.push(finalStretchStart(notBefore, notAfter));
  }
  const window = renewal?.ari?.window;
  if (window) candidates.push(Date.parse(window.start));
  for (const certificate of report.chain.slice(1)) {
    const expiry = Date.parse(certificate.notAfter);
    candidates.push(expiry, expiry - (INTERMEDIATE_WARNING_DAYS + 1) * DAY_MS);
  }
  const ahead = candidates.filter((at) => Number.isFinite(at) && at > now.getTime());
  return ahead.length ? new Date(Math.min(...ahead)) : null;
}

/** The scanner's `inFinalStretch` turns true just after a tenth of the lifetime, or a day, is left. */
const finalStretchStart = (notBefore: number, notAfter: number) =>
  notAfter - Math.max((notAfter - notBefore) / 10, DAY_MS) + 1;
