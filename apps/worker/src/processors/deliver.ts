import type { PrismaClient } from "@port443/db";
import {
  alertNoticeSchema,
  isPermanentSmtpError,
  type Mailer,
  renderAlertEmail,
  renderDigestEmail,
  renderGroupEmail,
} from "@port443/email";
import type { Handler } from "@port443/jobs";
import { type AddressPolicy, BlockedAddressError } from "@port443/net";
import { groupNoticeSchema, noticeSchema } from "@port443/notice";
import { deliverWebhook, WebhookDeliveryError } from "@port443/webhooks";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";

export interface DeliverDeps {
  prisma: PrismaClient;
  logger: Logger;
  metrics: Metrics;
  mailer: Mailer | null;
  /** Webhook URLs are user input: an address policy of their own keeps them off internal hosts. */
  webhookPolicy: AddressPolicy;
}

class PermanentDeliveryError extends Error {}

/**
 * Delivers one outbox row. A conditional update claims it (pending → sending), so a duplicate
 * job does nothing; transient failures put it back to pending and throw for BullMQ's backoff,
 * permanent ones (and the last attempt) mark it failed. A process that dies mid-send leaves "sending", which the tick
 * hands out again after a while: delivery is at least once, and in practice once.
 */
export const deliverNotification =
  (deps: DeliverDeps): Handler<"notify.deliver"> =>
  async (payload, job) => {
    const now = new Date();
    const claimed = await deps.prisma.notification.updateMany({
      where: {
        id: payload.notificationId,
        state: { in: ["pending", "sending"] },
        OR: [{ state: "pending" }, { lastAttemptAt: { lt: new Date(now.getTime() - 5 * 60_000) } }],
      },
      data: { state: "sending", lastAttemptAt: now, attempts: { increment: 1 } },
    });
    if (!claimed.count) return { skipped: "already delivered or being delivered" };
    const row = await deps.prisma.notification.findUniqueOrThrow({
      where: { id: payload.notificationId },
      include: { webhook: true },
    });
    // A notification group's message about several domains; about one, it is that alert's notice.
    const grouped =
      row.groupId !== null && typeof row.payload === "object" && "domains" in (row.payload ?? {});
    try {
      if (row.channel === "email") {
        if (!deps.mailer) throw new PermanentDeliveryError("SMTP_URL is not configured");
        const email =
          row.event === "digest"
            ? await renderDigestEmail(row.payload as unknown as Parameters<typeof renderDigestEmail>[0])
            : grouped
              ? await renderGroupEmail(groupNoticeSchema.parse(row.payload))
              : await renderAlertEmail(alertNoticeSchema.parse(row.payload));
        await deps.mailer.send({
          to: row.recipient,
          ...email,
          headers: { "X-Port443-Notification": row.id },
        });
      } else {
        if (!row.webhook) throw new PermanentDeliveryError("the webhook was deleted");
        // Webhooks take every notice, "test" deliveries included; emails only alert notices.
        const notice = grouped ? groupNoticeSchema.parse(row.payload) : noticeSchema.parse(row.payload);
        await deliverWebhook({
          url: row.webhook.url,
          kind: row.webhook.kind,
          secret: row.webhook.secret,
          notice,
          deliveryId: row.id,
          policy: deps.webhookPolicy,
        });
      }
      await deps.prisma.notification.update({
        where: { id: row.id },
        data: { state: "sent", sentAt: new Date(), lastError: null },
      });
      deps.metrics.notifications.inc({ channel: row.channel, outcome: "sent" });
      deps.logger.info({ jobId: job.id, notificationId: row.id, channel: row.channel }, "notification sent");
      return { sent: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent =
        error instanceof PermanentDeliveryError ||
        (error instanceof WebhookDeliveryError && error.permanent) ||
        (row.channel === "email" && isPermanentSmtpError(error)) ||
        (error instanceof Error && (error.name === "ZodError" || error.name === "InvalidNoticeError"));
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await deps.prisma.notification.update({
        where: { id: row.id },
        data: { state: permanent || lastTry ? "failed" : "pending", lastError: message.slice(0, 1_000) },
      });
      deps.metrics.notifications.inc({ channel: row.channel, outcome: permanent ? "failed" : "retry" });
      // The team sees the class of a refused address; the operator's log has the address itself.
      const refused =
        error instanceof Error && error.cause instanceof BlockedAddressError ? error.cause : null;
      deps.logger.warn(
        {
          jobId: job.id,
          notificationId: row.id,
          channel: row.channel,
          permanent,
          lastTry,
          err: message,
          ...(refused && { address: refused.address, reason: refused.reason }),
        },
        "delivery failed",
      );
      if (permanent || lastTry) return { failed: message };
      throw error;
    }
  };
