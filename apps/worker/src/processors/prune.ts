import type { PrismaClient } from "@port443/db";
import type { Logger } from "../logger";

export interface PruneOptions {
  now?: Date;
  /** Rows a statement deletes at most (scans with their cascades, notifications, alerts, certificates). */
  batchSize?: number;
  /** Audit events are kept this long, apart from the history's retention (AUDIT_RETENTION_DAYS). */
  auditRetentionDays?: number;
  /**
   * No batch starts after this long; the next run continues where this one stopped (the oldest
   * rows go first). The schedule queue runs one job at a time, so this bounds how long the tick waits.
   */
  budgetMs?: number;
}

export interface PruneResult {
  scans: number;
  notifications: number;
  alerts: number;
  auditEvents: number;
  certificates: number;
  batches: number;
  /** False when the budget ran out with rows past retention left for the next run. */
  complete: boolean;
  ms: number;
}

const DAY_MS = 86_400_000;
export const PRUNE_BATCH = 10_000;
export const PRUNE_BUDGET_MS = 300_000;
export const AUDIT_RETENTION_DAYS = 365;
const FIRST_UUID = "00000000-0000-0000-0000-000000000000";

/*
 * The statements below spell out their access paths (a scalar subquery per row, `= ANY(ARRAY(…))`)
 * where a join would let the planner choose: right after retention shrinks, most of the table is
 * past the cutoff, and it then picks hash joins over whole tables, so each batch of 10,000 rows
 * would read the entire history. These forms cost index lookups per row of the batch at any size.
 */

/**
 * One batch of scans past retention, oldest first (the scans(created_at) index), each deleted
 * only when its domain has a newer completed scan (the (domain_id, created_at) index), so every
 * domain keeps its latest picture however old. Chains, findings and addresses go by cascade.
 * `from` skips what earlier batches of the run already walked past (the kept latest scans).
 * Returns the certificates the deleted chains named, which may have lost their last scan.
 */
async function scanBatch(prisma: PrismaClient, before: Date, from: Date, limit: number) {
  const [row] = await prisma.$queryRaw<{ deleted: number; last: Date | null; certificates: string[] }[]>`
    WITH batch AS (
      SELECT ARRAY(
        SELECT s.id FROM scans s
        WHERE s.created_at >= ${from} AND s.created_at < ${before}
          AND s.created_at < (SELECT n.created_at FROM scans n WHERE n.domain_id = s.domain_id AND n.status = 'done'
                              ORDER BY n.created_at DESC LIMIT 1)
        ORDER BY s.created_at
        LIMIT ${limit}) AS ids
    ), chain AS (
      SELECT DISTINCT sc.certificate_id FROM scan_certificates sc
      WHERE sc.scan_id = ANY((SELECT ids FROM batch)::uuid[])
    ), gone AS (
      DELETE FROM scans WHERE id = ANY((SELECT ids FROM batch)::uuid[]) RETURNING created_at
    )
    SELECT (SELECT count(*) FROM gone)::int AS deleted, (SELECT max(created_at) FROM gone) AS last,
           ARRAY(SELECT certificate_id::text FROM chain) AS certificates`;
  return row!;
}

/**
 * Deletes those of `ids` no scan refers to (one probe of scan_certificates(certificate_id) each).
 * A certificate a scan is linking right now is locked by that scan's foreign key check and skipped.
 */
const deleteOrphanCertificates = (prisma: PrismaClient, ids: string[]) =>
  prisma.$executeRaw`
    DELETE FROM certificates WHERE id = ANY(ARRAY(
      SELECT c.id FROM certificates c
      WHERE c.id = ANY(${ids}::uuid[])
        AND (SELECT 1 FROM scan_certificates sc WHERE sc.certificate_id = c.id LIMIT 1) IS NULL
      FOR UPDATE SKIP LOCKED))`;

/** Delivered or failed outbox rows of one state past retention (the (state, created_at) index). */
const notificationBatch = (prisma: PrismaClient, state: "sent" | "failed", before: Date, limit: number) =>
  prisma.$executeRaw`
    DELETE FROM notifications WHERE id = ANY(ARRAY(
      SELECT id FROM notifications
      WHERE state = ${state}::"DeliveryState" AND created_at < ${before}
      ORDER BY created_at LIMIT ${limit}))`;

/**
 * Alerts resolved before the cutoff; one with an outbox row still to send is kept, as deleting it
 * would cascade to that row. No index leads with the resolution time: each batch reads alerts
 * until it has found its rows (a domain's few alerts each, so far smaller than the scans).
 */
const alertBatch = (prisma: PrismaClient, before: Date, limit: number) =>
  prisma.$executeRaw`
    DELETE FROM alerts WHERE id = ANY(ARRAY(
      SELECT a.id FROM alerts a
      WHERE a.state = 'resolved' AND a.resolved_at < ${before}
        AND NOT EXISTS (SELECT 1 FROM notifications n
                        WHERE n.alert_id = a.id AND n.state IN ('held', 'pending', 'sending'))
      LIMIT ${limit}))`;

/** Audit events past their retention, oldest first (the audit_events(created_at) index), every team's. */
const auditBatch = (prisma: PrismaClient, before: Date, limit: number) =>
  prisma.$executeRaw`
    DELETE FROM audit_events WHERE id = ANY(ARRAY(
      SELECT id FROM audit_events WHERE created_at < ${before} ORDER BY created_at LIMIT ${limit}))`;

/** A page of certificate ids after `after`, in id order, for the sweep. */
const certificatePage = async (prisma: PrismaClient, after: string, limit: number) =>
  (
    await prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM certificates WHERE id > ${after}::uuid ORDER BY id LIMIT ${limit}`
  ).map((row) => row.id);

/**
 * Deletes history past the retention period in bounded batches, each its own short transaction:
 * scans (with their chains, findings and addresses), delivered or failed notifications, resolved
 * alerts, audit events past their own retention, then certificates no scan refers to any more. The latest completed scan of every domain
 * is kept however old, so a domain never loses its current picture. Every step gets at least one
 * batch per run; past the budget no further batch starts, and the next run goes on from the
 * oldest rows left.
 */
export async function prune(
  prisma: PrismaClient,
  logger: Logger,
  retentionDays: number,
  options: PruneOptions = {},
): Promise<PruneResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const limit = options.batchSize ?? PRUNE_BATCH;
  const deadline = started + (options.budgetMs ?? PRUNE_BUDGET_MS);
  const auditBefore = new Date(now.getTime() - (options.auditRetentionDays ?? AUDIT_RETENTION_DAYS) * DAY_MS);
  const result = {
    scans: 0,
    notifications: 0,
    alerts: 0,
    auditEvents: 0,
    certificates: 0,
    batches: 0,
    complete: true,
  };
  /** Runs `batch` until it handles fewer rows than a batch may (done) or the budget ends (not done). */
  const drain = async (batch: () => Promise<number>) => {
    for (let first = true; ; first = false) {
      if (!first && Date.now() >= deadline) {
        result.complete = false;
        return;
      }
      result.batches++;
      if ((await batch()) < limit) return;
    }
  };

  let from = new Date(0);
  await drain(async () => {
    const { deleted, last, certificates } = await scanBatch(prisma, before, from, limit);
    result.scans += deleted;
    result.certificates += await deleteOrphanCertificates(prisma, certificates);
    if (last) from = last;
    return deleted;
  });
  for (const state of ["sent", "failed"] as const) {
    await drain(async () => {
      const deleted = await notificationBatch(prisma, state, before, limit);
      result.notifications += deleted;
      return deleted;
    });
  }
  await drain(async () => {
    const deleted = await alertBatch(prisma, before, limit);
    result.alerts += deleted;
    return deleted;
  });
  await drain(async () => {
    const deleted = await auditBatch(prisma, auditBefore, limit);
    result.auditEvents += deleted;
    return deleted;
  });
  // Certificates left without scans otherwise (a deleted domain or team), from the oldest id.
  let after = FIRST_UUID;
  await drain(async () => {
    const page = await certificatePage(prisma, after, limit);
    result.certificates += await deleteOrphanCertificates(prisma, page);
    after = page.at(-1) ?? after;
    return page.length;
  });

  const pruned = { ...result, ms: Date.now() - started };
  logger.info(
    { ...pruned, before: before.toISOString(), auditBefore: auditBefore.toISOString() },
    "pruned history",
  );
  return pruned;
}
