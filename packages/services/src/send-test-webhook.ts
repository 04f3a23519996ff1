import { enqueueNotifications } from "@port443/jobs";
import type { Notice } from "@port443/notice";
import { z } from "zod";
import { webhookTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";
import { takeThrottleTurn } from "./team-throttles";

export const sendTestWebhookInput = z.object({ webhookId: z.uuid(), publicUrl: z.url() });

/**
 * "Send test": a sample notice through the same outbox and delivery job as real ones, so the
 * webhook's delivery log shows whether the receiver answered. A team may send only so many an
 * hour, as each is a request to a URL it chose.
 */
export async function sendTestWebhook(ctx: ServiceContext, input: z.input<typeof sendTestWebhookInput>) {
  requireRole(ctx.role, "admin");
  const { webhookId, publicUrl } = parseInput(sendTestWebhookInput, input);
  const webhook = await ctx.prisma.webhook.findFirst({
    where: { id: webhookId, teamId: ctx.teamId },
    include: { team: { select: { name: true } } },
  });
  if (!webhook) throw new ServiceError("not_found", "no such webhook", "webhookId");
  const notice: Notice = {
    event: "test",
    kind: "expiry",
    severity: "info",
    title: "Test notification from Port443",
    detail: "This webhook is set up correctly: Port443 alerts for your team will arrive like this one.",
    occurredAt: new Date().toISOString(),
    team: { name: webhook.team.name },
    domain: { hostname: "example.com", port: 443, url: new URL("/domains", publicUrl).toString() },
    certificate: null,
    findings: [],
    grade: null,
    failures: null,
  };
  const notification = await ctx.prisma.$transaction(async (tx) => {
    await takeThrottleTurn(tx, ctx, "test_webhooks");
    await recordAudit(tx, ctx, { action: "webhook.tested", target: webhookTarget(webhook) });
    return tx.notification.create({
      data: {
        teamId: ctx.teamId,
        webhookId,
        channel: "webhook",
        event: "test",
        recipient: webhook.url,
        payload: notice,
      },
    });
  });
  await enqueueNotifications(ctx.queues, [notification]);
  return notification;
}
