import { randomBytes } from "node:crypto";
import { webhookUrlSchema } from "@port443/webhooks";
import { z } from "zod";
import { webhookTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const createWebhookInput = z.object({
  url: webhookUrlSchema,
  kind: z.enum(["generic", "slack"]).default("generic"),
});

/**
 * A receiver for the team's notifications. Generic webhooks are signed with the returned secret
 * (HMAC-SHA256); the receiver checks the signature with it. The URL goes through the address
 * policy when delivered, not here: DNS may change in between.
 */
export async function createWebhook(ctx: ServiceContext, input: z.input<typeof createWebhookInput>) {
  requireRole(ctx.role, "admin");
  const { url, kind } = parseInput(createWebhookInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.create({
      data: { teamId: ctx.teamId, url, kind, secret: randomBytes(24).toString("base64url") },
    });
    await recordAudit(tx, ctx, {
      action: "webhook.created",
      target: webhookTarget(webhook),
      after: { kind, origin: new URL(url).origin },
    });
    return webhook;
  });
}
