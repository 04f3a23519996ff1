/** 4xx answers the receiver may give differently later (timeout, too early, rate limit). */
const retryableClientErrors: ReadonlySet<number> = new Set([408, 425, 429]);

export type StatusOutcome = "delivered" | "transient" | "permanent";

/**
 * Other 3xx and 4xx (400, 401, 403, 404, 410 Gone, 413, 422, …) would repeat on every retry:
 * redirects are not followed because the registered URL must be the receiver itself.
 */
export function classifyStatus(status: number): StatusOutcome {
  if (status >= 200 && status < 300) return "delivered";
  if (status >= 300 && status < 500 && !retryableClientErrors.has(status)) return "permanent";
  return "transient";
}
