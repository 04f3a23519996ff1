import { z } from "zod";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const acknowledgeGroupInput = z.object({ groupId: z.uuid() });

/**
 * Acknowledges every unresolved alert of a notification group at once: grouping is about
 * delivery, so each alert keeps its own state, and the group's reminders stop once none of its
 * open alerts is left unacknowledged (planGroupDelivery). Returns how many alerts it acknowledged.
 */
export async function acknowledgeGroup(ctx: ServiceContext, input: z.input<typeof acknowledgeGroupInput>) {
  requireRole(ctx.role, "member");
  const { groupId } = parseInput(acknowledgeGroupInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    const group = await tx.notificationGroup.findFirst({
      where: { id: groupId, teamId: ctx.teamId },
      select: { id: true, cause: true },
    });
    if (!group) throw new ServiceError("not_found", "no such notification group", "groupId");
    const { count } = await tx.alert.updateMany({
      where: {
        teamId: ctx.teamId,
        state: { in: ["open", "notified"] },
        groupMembers: { some: { groupId } },
      },
      data: { state: "acknowledged", acknowledgedAt: new Date() },
    });
    if (count)
      await recordAudit(tx, ctx, {
        action: "alert_group.acknowledged",
        target: { type: "notification_group", id: group.id, label: group.cause },
        after: { acknowledged: count },
      });
    return { group, acknowledged: count };
  });
}
