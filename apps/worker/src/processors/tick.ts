import type { PrismaClient } from "@port443/db";
import {
  enqueueMany,
  enqueueNotifications,
  jobOptions,
  type Queues,
  RETRY_CAP_MS,
  WATCH_BATCH_MAX,
} from "@port443/jobs";
import { type Claim, claimDueDomains, claimDueWatches, dueGroups, scanJobId } from "@port443/monitoring";
import type { Logger } from "../logger";
import { flushAndEnqueue } from "./flush";

const BATCH = 1_000;
const MAX_BATCHES = 20;
/** A delivery claimed this long ago by a process that never finished it (killed) is handed out again. */
const STUCK_SENDING_MS = 10 * 60_000;
/**
 * A retrying row untouched this long lost its queue job (Redis flushed): hand it out again. No
 * retry waits longer than RETRY_CAP_MS, so twice that is never a retry still waiting its turn.
 */
const ABANDONED_RETRY_MS = 2 * RETRY_CAP_MS;
/** A new outbox row gets this long to be enqueued by the transaction that wrote it. */
const FRESH_MS = 30_000;

/**
 * Every 30 s: claim due deep scans in batches and enqueue their scans (job ids derived from the
 * claim, so a repeated enqueue is a no-op), claim due watch probes and enqueue them in batches of
 * WATCH_BATCH_MAX, flush notification groups that are due (their delayed job was lost, or a
 * worker died before it ran), then re-enqueue outbox rows whose delivery was lost.
 */
export interface TickOptions {
  /** How long a claimed domain stays claimed before the next tick may claim it again. */
  leaseSeconds?: number;
  retryDelayMs?: number;
  /** Links in group messages the sweep flushes. */
  publicUrl?: string;
  now?: Date;
}

export async function tick(prisma: PrismaClient, queues: Queues, logger: Logger, options: TickOptions = {}) {
  const now = options.now ?? new Date();
  const claim = { now, limit: BATCH, leaseSeconds: options.leaseSeconds };
  const scheduled = await inBatches(
    () => claimDueDomains(prisma, claim),
    (claims) =>
      enqueueMany(
        queues,
        "scan.domain",
        claims.map((due) => ({
          payload: { domainId: due.domainId, lease: due.lease.getTime() },
          options: { ...jobOptions("scan.domain", options.retryDelayMs), jobId: scanJobId(due) },
        })),
      ),
  );
  const watched = await inBatches(
    () => claimDueWatches(prisma, claim),
    (claims) => enqueueMany(queues, "watch.batch", watchBatches(claims, options.retryDelayMs)),
  );
  const flushDeps = {
    prisma,
    queues,
    publicUrl: options.publicUrl ?? "http://localhost:3000",
    retryDelayMs: options.retryDelayMs,
  };
  let flushedGroups = 0;
  for (const groupId of await dueGroups(prisma, now)) {
    if (await flushAndEnqueue(flushDeps, groupId, now)) flushedGroups++;
  }
  const stuck = await prisma.notification.findMany({
    where: {
      OR: [
        { state: "pending", lastAttemptAt: null, createdAt: { lt: new Date(now.getTime() - FRESH_MS) } },
        { state: "pending", lastAttemptAt: { lt: new Date(now.getTime() - ABANDONED_RETRY_MS) } },
        { state: "sending", lastAttemptAt: { lt: new Date(now.getTime() - STUCK_SENDING_MS) } },
      ],
    },
    select: { id: true, attempts: true, channel: true },
    take: 1_000,
  });
  await enqueueNotifications(queues, stuck, options.retryDelayMs);
  if (scheduled || watched || stuck.length || flushedGroups)
    logger.info({ scheduled, watched, flushedGroups, requeuedNotifications: stuck.length }, "tick");
  return { scheduled, watched, flushedGroups, requeuedNotifications: stuck.length };
}

/** Claims and enqueues up to MAX_BATCHES batches of BATCH, stopping at the first short one. */
async function inBatches(claim: () => Promise<Claim[]>, enqueue: (claims: Claim[]) => Promise<unknown>) {
  let claimed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const claims = await claim();
    if (claims.length) await enqueue(claims);
    claimed += claims.length;
    if (claims.length < BATCH) break;
  }
  return claimed;
}

/** Claimed watch probes (one lease) as batch jobs, each id derived from its claim. */
function watchBatches(claims: Claim[], retryDelayMs?: number) {
  const batches = [];
  for (let start = 0; start < claims.length; start += WATCH_BATCH_MAX) {
    const slice = claims.slice(start, start + WATCH_BATCH_MAX);
    const lease = slice[0]!.lease.getTime();
    batches.push({
      payload: { domainIds: slice.map((claim) => claim.domainId), lease },
      options: { ...jobOptions("watch.batch", retryDelayMs), jobId: `watch_${lease}_${slice[0]!.domainId}` },
    });
  }
  return batches;
}
