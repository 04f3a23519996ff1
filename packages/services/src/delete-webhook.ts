import { z } from "zod";
import { webhookTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const deleteWebhookInput = z.object({ webhookId: z.uuid() });

export async function deleteWebhook(ctx: ServiceContext, input: z.input<typeof deleteWebhookInput>) {
  requireRole(ctx.role, "admin");
  const { webhookId } = parseInput(deleteWebhookInput, input);
  await ctx.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.findFirst({ where: { id: webhookId, teamId: ctx.teamId } });
    if (!webhook) throw new ServiceError("not_found", "no such webhook", "webhookId");
    await tx.webhook.delete({ where: { id: webhookId } });
    await recordAudit(tx, ctx, {
      action: "webhook.deleted",
      target: webhookTarget(webhook),
      before: { kind: webhook.kind, origin: new URL(webhook.url).origin },
    });
  });
}
