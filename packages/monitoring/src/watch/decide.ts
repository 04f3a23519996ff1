import type { WatchedEndpoint, WatchState } from "./state";

export interface WatchDecisionInput {
  /** What the probes compared against; null before the first probe (or after a reset). */
  previous: WatchState | null;
  /** This probe: every address it reached a verdict on, and its certificate findings. */
  probed: WatchState;
  /**
   * Addresses resolved now but left unprobed (another scan held all of the address's leases):
   * they keep their previous entry and count as present.
   */
  skipped: string[];
  /** When the certificate's alerts next change with time (see nextAlertBoundary). */
  alertCheckAt: Date | null;
  now: Date;
}

export type WatchOutcome =
  /** First probe: what it saw becomes what later probes compare against. No deep scan. */
  | { kind: "baseline"; state: WatchState }
  /** Exactly as before. */
  | { kind: "unchanged"; state: WatchState }
  /** Something visible changed (reasons say what): a deep scan now, and this is the new state. */
  | { kind: "changed"; state: WatchState; reasons: string[] }
  /** Nothing changed, but the alerts' next boundary has passed: a deep scan decides them. */
  | { kind: "due"; state: WatchState; reasons: string[] };

const sameEndpoint = (a: WatchedEndpoint, b: WatchedEndpoint) =>
  a.mode === b.mode && a.signature === b.signature && a.error === b.error;

function describe(ip: string, before: WatchedEndpoint, after: WatchedEndpoint): string {
  if (before.error && !after.error) return `${ip} answers again`;
  if (after.error) return `${ip} fails (${after.error})`;
  if (before.mode !== after.mode)
    return `${ip} now needs a ${after.mode === "handshake" ? "full handshake" : "plaintext read"}`;
  return `${ip} serves something else (certificate, chain, protocol, suite, group, ALPN or HSTS)`;
}

/**
 * Whether a watch probe's result calls for a deep scan, and the state to keep. Pure: the worker
 * applies it for a whole batch in one statement. A change is noticed once: the returned state is
 * what the next probe compares against, so the same change never asks twice.
 */
export function decideWatch(input: WatchDecisionInput): WatchOutcome {
  const { previous, probed } = input;
  const kept = (previous?.addresses ?? []).filter((entry) => input.skipped.includes(entry.ip));
  const state: WatchState = {
    addresses: [...probed.addresses, ...kept],
    certificateFindings: [...probed.certificateFindings].sort(),
  };
  if (!previous) return { kind: "baseline", state };

  const reasons: string[] = [];
  const before = new Map(previous.addresses.map((entry) => [entry.ip, entry]));
  const now = new Set([...probed.addresses.map((entry) => entry.ip), ...input.skipped]);
  const added = [...now].filter((ip) => !before.has(ip));
  const removed = [...before.keys()].filter((ip) => !now.has(ip));
  if (added.length || removed.length) {
    reasons.push(
      `the addresses changed (${[...added.map((ip) => `+${ip}`), ...removed.map((ip) => `-${ip}`)].join(", ")})`,
    );
  }
  for (const entry of probed.addresses) {
    const old = before.get(entry.ip);
    if (old && !sameEndpoint(old, entry)) reasons.push(describe(entry.ip, old, entry));
  }
  const findingsBefore = [...previous.certificateFindings].sort().join(",");
  // A probe that reached no address has no findings to compare.
  const answered = probed.addresses.some((entry) => entry.error === null);
  if (answered && findingsBefore !== state.certificateFindings.join(",")) {
    reasons.push(`the certificate findings changed (${state.certificateFindings.join(", ") || "none"})`);
  }
  if (!answered) state.certificateFindings = [...previous.certificateFindings];
  if (reasons.length) return { kind: "changed", state, reasons };
  if (input.alertCheckAt && input.alertCheckAt <= input.now) {
    return { kind: "due", state, reasons: ["the certificate's alerts are due for a look"] };
  }
  return { kind: "unchanged", state };
}
