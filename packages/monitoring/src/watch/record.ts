import type { PrismaClient } from "@port443/db";
import { type Claim, leaseEnd } from "../schedule/claim";
import type { WatchOutcome } from "./decide";

export interface WatchWrite {
  domainId: string;
  /** Null when no address could be probed (all leases taken): only the next probe time moves. */
  outcome: WatchOutcome | null;
  /** Whether every probed address answered (it then counts as seen unchanged, if unchanged). */
  answered: boolean;
  nextWatchAt: Date;
}

export interface RecordWatchesInput {
  /** The batch's claim: only domains whose next_watch_at still holds it are written. */
  lease: Date;
  writes: WatchWrite[];
  /** The lease for the deep scans this batch asks for (see claimDueDomains). */
  scanLeaseSeconds?: number;
  now?: Date;
}

/** Unchanged probes leave the stored state as it is: fewer bytes written per probe. */
const storesState = (outcome: WatchOutcome | null) =>
  outcome?.kind === "baseline" || outcome?.kind === "changed";
const asksForDeepScan = (outcome: WatchOutcome | null) =>
  outcome?.kind === "changed" || outcome?.kind === "due";

/**
 * One statement for a whole batch of watch probes: each domain's last probe, last seen (when it
 * answered unchanged), its watch state when that moved, its next probe, and for a change or a due
 * alert boundary a claim on its deep scan (next_scan_at moves to a lease, as a tick's claim
 * would). An unchanged probe writes only its domain's row: no scan row, no history. Returns the
 * deep scans to enqueue, of the domains the batch still owned.
 */
export async function recordWatches(prisma: PrismaClient, input: RecordWatchesInput): Promise<Claim[]> {
  const now = input.now ?? new Date();
  if (!input.writes.length) return [];
  const scanLease = leaseEnd(now, input.scanLeaseSeconds);
  const { writes } = input;
  const rows = await prisma.$queryRaw<{ id: string; deep: boolean }[]>`
    UPDATE domains d SET
      last_probe_at = CASE WHEN u.probed THEN ${now} ELSE d.last_probe_at END,
      last_seen_at = CASE WHEN u.seen THEN ${now} ELSE d.last_seen_at END,
      watch_state = CASE WHEN u.state IS NULL THEN d.watch_state ELSE u.state::jsonb END,
      next_watch_at = to_timestamp(u.next_ms / 1000.0) AT TIME ZONE 'UTC',
      next_scan_at = CASE WHEN u.deep THEN ${scanLease} ELSE d.next_scan_at END
    FROM unnest(${writes.map((write) => write.domainId)}::uuid[],
                ${writes.map((write) => write.outcome !== null)}::boolean[],
                ${writes.map(
                  (write) => write.answered && write.outcome !== null && write.outcome.kind !== "changed",
                )}::boolean[],
                ${writes.map((write) => (storesState(write.outcome) ? JSON.stringify(write.outcome!.state) : null))}::text[],
                ${writes.map((write) => write.nextWatchAt.getTime())}::bigint[],
                ${writes.map((write) => asksForDeepScan(write.outcome))}::boolean[])
         AS u(id, probed, seen, state, next_ms, deep)
    WHERE d.id = u.id AND d.next_watch_at = ${input.lease}
    RETURNING d.id, u.deep`;
  return rows.filter((row) => row.deep).map((row) => ({ domainId: row.id, lease: scanLease }));
}
