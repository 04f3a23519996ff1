import { Prisma, type PrismaClient } from "@port443/db";

export interface Claim {
  domainId: string;
  /** The lease the claim wrote into next_scan_at; the scan job carries it so stale jobs can tell. */
  lease: Date;
}

/**
 * Claims up to `limit` due domains in one statement: their next_scan_at moves to a short lease
 * (FOR UPDATE SKIP LOCKED, so concurrent schedulers never claim the same row). The scan that
 * completes sets the real next time; if its job is lost (Redis flushed, worker killed), the lease
 * expires and the next tick claims the domain again, so PostgreSQL alone decides what is due.
 *
 * Teams take turns: due domains are ranked within their team (oldest due first) and claimed by
 * rank, each team's first before anyone's second, and returned in that order, which is the order
 * their scans are queued in. A team's share of the scans grows with its due work only as far as
 * other teams have none: 300 due domains of one team do not queue ahead of another team's one.
 * The ranking reads without locks; only the chosen rows are locked (and re-checked as still due).
 */
export function claimDueDomains(
  prisma: PrismaClient,
  options: { now?: Date; limit?: number; leaseSeconds?: number } = {},
): Promise<Claim[]> {
  return claimDue(prisma, "next_scan_at", options);
}

/**
 * Claims due watch probes the same way, on their own schedule (next_watch_at): teams take turns,
 * and a probe's batch job carries the lease so a stale job can tell.
 */
export function claimDueWatches(
  prisma: PrismaClient,
  options: { now?: Date; limit?: number; leaseSeconds?: number } = {},
): Promise<Claim[]> {
  return claimDue(prisma, "next_watch_at", options);
}

async function claimDue(
  prisma: PrismaClient,
  column: "next_scan_at" | "next_watch_at",
  options: { now?: Date; limit?: number; leaseSeconds?: number },
): Promise<Claim[]> {
  const now = options.now ?? new Date();
  const lease = leaseEnd(now, options.leaseSeconds);
  const due = Prisma.raw(column);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH ranked AS MATERIALIZED (
      SELECT id, ${due} AS due,
             row_number() OVER (PARTITION BY team_id ORDER BY ${due}, id) AS turn
      FROM domains
      WHERE enabled AND ${due} <= ${now}
    ), chosen AS (
      SELECT domains.id, ranked.turn, ranked.due
      FROM domains JOIN ranked ON ranked.id = domains.id
      WHERE domains.enabled AND domains.${due} <= ${now}
      ORDER BY ranked.turn, ranked.due, domains.id
      LIMIT ${options.limit ?? 500}
      FOR UPDATE OF domains SKIP LOCKED
    ), claimed AS (
      UPDATE domains SET ${due} = ${lease}
      FROM chosen WHERE domains.id = chosen.id
      RETURNING domains.id, chosen.turn, chosen.due
    )
    SELECT id FROM claimed ORDER BY turn, due, id`;
  return rows.map((row) => ({ domainId: row.id, lease }));
}

/** BullMQ job id for one scan slot: the same claim always maps to the same job. */
export const scanJobId = (claim: Claim) => `scan_${claim.domainId}_${claim.lease.getTime()}`;

/**
 * The end of a claim's lease. A domain just added is inserted with it as next_scan_at, claimed from
 * its first moment, so no tick can claim it while its immediate first scan is queued.
 */
export const leaseEnd = (now = new Date(), leaseSeconds = 600) =>
  new Date(now.getTime() + leaseSeconds * 1000);
