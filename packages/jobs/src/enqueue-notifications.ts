import { jobOptions } from "./job-options";
import { enqueueMany, type Queues } from "./queues";

type NotificationChannel = "email" | "webhook";

/**
 * Delivery attempts per channel. An SMTP outage is infrastructure and may last a day: 32 attempts
 * wait 5 s doubling to the hour's cap (after ten retries, about 1.4 hours in), then hourly, about
 * 22 hours in all. A webhook that keeps failing is usually broken: 8 attempts give up after about
 * 11 minutes.
 */
export const attemptsFor: Record<NotificationChannel, number> = { email: 32, webhook: 8 };

/**
 * Hands committed outbox rows to the delivery queue (every producer: scans, digests, the sweep, a
 * webhook test); the tick's sweep covers a failure here.
 */
export async function enqueueNotifications(
  queues: Queues,
  rows: { id: string; channel: NotificationChannel; attempts?: number }[],
  retryDelayMs?: number,
): Promise<void> {
  await enqueueMany(
    queues,
    "notify.deliver",
    rows.map((row) => ({
      payload: { notificationId: row.id },
      options: {
        ...jobOptions("notify.deliver", retryDelayMs),
        attempts: attemptsFor[row.channel],
        // A sweep re-enqueue needs a fresh id: the earlier job may still be kept as failed.
        jobId: row.attempts ? `notify_${row.id}_${row.attempts}` : `notify_${row.id}`,
      },
    })),
  );
}
