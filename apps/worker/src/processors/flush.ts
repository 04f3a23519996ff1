import type { PrismaClient } from "@port443/db";
import { enqueueGroupFlushes, enqueueNotifications, type Handler, type Queues } from "@port443/jobs";
import { flushGroup } from "@port443/monitoring";

export interface FlushDeps {
  prisma: PrismaClient;
  queues: Queues;
  publicUrl: string;
  retryDelayMs?: number;
}

/**
 * Flushes one group as of `now` and hands on what it wrote: its message's outbox row to delivery,
 * its next due time to a delayed flush. Null when the group was not due or another flush held it.
 */
export async function flushAndEnqueue(deps: FlushDeps, groupId: string, now: Date) {
  const flushed = await flushGroup(deps.prisma, groupId, { publicUrl: deps.publicUrl, now });
  if (!flushed) return null;
  await enqueueNotifications(deps.queues, flushed.outbox, deps.retryDelayMs);
  if (flushed.nextAt)
    await enqueueGroupFlushes(deps.queues, [{ groupId, dueAt: flushed.nextAt }], deps.retryDelayMs);
  return flushed;
}

export const flushNotificationGroup =
  (deps: FlushDeps): Handler<"notify.flush"> =>
  async (payload) => {
    const flushed = await flushAndEnqueue(
      deps,
      payload.groupId,
      new Date(Math.max(Date.now(), payload.dueAt)),
    );
    if (!flushed) return { skipped: "not due, or being flushed" };
    return { messages: flushed.outbox.length, nextAt: flushed.nextAt?.toISOString() ?? null };
  };
