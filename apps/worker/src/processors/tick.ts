import type { PrismaClient } from "@port443/db";
import { jobs, type Queues } from "@port443/jobs";
import { claimDueDomains, scanJobId } from "@port443/monitoring";
import type { Logger } from "../logger";

const BATCH = 1_000;
const MAX_BATCHES = 20;
/** Outbox rows not delivered (or stuck "sending") for this long are handed to the queue again. */
const STUCK_MS = 10 * 60_000;
/** A new outbox row gets this long to be enqueued by the transaction that wrote it. */
const FRESH_MS = 30_000;

/**
 * Every 30 s: claim due domains in batches and enqueue their scans (job ids derived from the
 * claim, so a repeated enqueue is a no-op), then re-enqueue outbox rows whose delivery was lost.
 */
export async function tick(prisma: PrismaClient, queues: Queues, logger: Logger, now = new Date()) {
  let scheduled = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const claims = await claimDueDomains(prisma, { now, limit: BATCH });
    if (claims.length) {
      await queues.scans.addBulk(
        claims.map((claim) => ({
          name: "scan.domain",
          data: { domainId: claim.domainId, lease: claim.lease.getTime() },
          opts: { ...jobs["scan.domain"].options, jobId: scanJobId(claim) },
        })),
      );
    }
    scheduled += claims.length;
    if (claims.length < BATCH) break;
  }
  const stuck = await prisma.notification.findMany({
    where: {
      OR: [
        { state: "pending", lastAttemptAt: null, createdAt: { lt: new Date(now.getTime() - FRESH_MS) } },
        { state: { in: ["pending", "sending"] }, lastAttemptAt: { lt: new Date(now.getTime() - STUCK_MS) } },
      ],
    },
    select: { id: true, attempts: true },
    take: 1_000,
  });
  if (stuck.length) {
    await queues.notifications.addBulk(
      stuck.map((row) => ({
        name: "notify.deliver",
        data: { notificationId: row.id },
        opts: { ...jobs["notify.deliver"].options, jobId: `notify_${row.id}_${row.attempts}` },
      })),
    );
  }
  if (scheduled || stuck.length) logger.info({ scheduled, requeuedNotifications: stuck.length }, "tick");
  return { scheduled, requeuedNotifications: stuck.length };
}
