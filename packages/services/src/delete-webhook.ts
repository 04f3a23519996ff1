import { z } from "zod";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { requireRole } from "./roles";

export const deleteWebhookInput = z.object({ webhookId: z.uuid() });

export async function deleteWebhook(ctx: ServiceContext, input: z.input<typeof deleteWebhookInput>) {
  requireRole(ctx.role, "admin");
  const { webhookId } = parseInput(deleteWebhookInput, input);
  const { count } = await ctx.prisma.webhook.deleteMany({ where: { id: webhookId, teamId: ctx.teamId } });
  if (!count) throw new ServiceError("not_found", "no such webhook", "webhookId");
}
