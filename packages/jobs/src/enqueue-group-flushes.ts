import { jobOptions } from "./job-options";
import { enqueueMany, type Queues } from "./queues";

/**
 * Schedules each notification group's flush for when it is due, after the transaction that made
 * it due committed. The id names the group and the due time, so a group re-planned to the same
 * time is scheduled once; a lost job only waits for the tick's sweep.
 */
export async function enqueueGroupFlushes(
  queues: Queues,
  groups: { groupId: string; dueAt: Date }[],
  retryDelayMs?: number,
): Promise<void> {
  const now = Date.now();
  await enqueueMany(
    queues,
    "notify.flush",
    groups.map(({ groupId, dueAt }) => ({
      payload: { groupId, dueAt: dueAt.getTime() },
      options: {
        ...jobOptions("notify.flush", retryDelayMs),
        jobId: `flush_${groupId}_${dueAt.getTime()}`,
        delay: Math.max(0, dueAt.getTime() - now),
      },
    })),
  );
}
