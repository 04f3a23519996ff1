import { jobOptions } from "./job-options";
import type { Queues } from "./queues";

type NotificationChannel = "email" | "webhook";

/**
 * Delivery attempts per channel: an SMTP outage is infrastructure and may last a day (16 attempts
 * with exponential backoff from 5 s span about 90 hours); a webhook that keeps failing is
 * usually broken, so it is marked failed within the hour.
 */
export const attemptsFor: Record<NotificationChannel, number> = { email: 16, webhook: 8 };

/**
 * Hands committed outbox rows to the delivery queue (every producer: scans, digests, the sweep, a
 * webhook test); the tick's sweep covers a failure here.
 */
export async function enqueueNotifications(
  queues: Queues,
  rows: { id: string; channel: NotificationChannel; attempts?: number }[],
  retryDelayMs?: number,
): Promise<void> {
  if (!rows.length) return;
  await queues.notifications.addBulk(
    rows.map((row) => ({
      name: "notify.deliver",
      data: { notificationId: row.id },
      opts: {
        ...jobOptions("notify.deliver", retryDelayMs),
        attempts: attemptsFor[row.channel],
        // A sweep re-enqueue needs a fresh id: the earlier job may still be kept as failed.
        jobId: row.attempts ? `notify_${row.id}_${row.attempts}` : `notify_${row.id}`,
      },
    })),
  );
}
