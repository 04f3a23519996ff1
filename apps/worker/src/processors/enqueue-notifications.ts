import { jobs, type Queues } from "@port443/jobs";

/** Hands committed outbox rows to the delivery queue; the tick's sweep covers a failure here. */
export async function enqueueNotifications(queues: Queues, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await queues.notifications.addBulk(
    ids.map((id) => ({
      name: "notify.deliver",
      data: { notificationId: id },
      opts: { ...jobs["notify.deliver"].options, jobId: `notify_${id}` },
    })),
  );
}
