import type { ServiceContext } from "./context";
import { requireRole } from "./roles";

/** The team's webhooks with their latest delivery, to show whether they work. */
export async function listWebhooks(ctx: ServiceContext) {
  requireRole(ctx.role, "admin");
  return ctx.prisma.webhook.findMany({
    where: { teamId: ctx.teamId },
    orderBy: { createdAt: "asc" },
    include: {
      notifications: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { state: true, lastError: true, sentAt: true, createdAt: true, event: true },
      },
    },
  });
}
