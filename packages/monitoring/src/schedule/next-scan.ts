/** A domain whose scan failed is scanned again this soon… */
const FIRST_RETRY_MS = 60_000;

/**
 * …and after each further failure in a row twice as late, but never later than its interval:
 * a failing domain reaches the failing-scan alert's threshold in minutes, and one that stays down
 * (a black-holed address) soon costs no more than a healthy one.
 */
export function nextScanDelayMs(failuresInARow: number, intervalMs: number): number {
  if (failuresInARow <= 0) return intervalMs;
  return Math.min(intervalMs, FIRST_RETRY_MS * 2 ** (failuresInARow - 1));
}
