import { z } from "zod";
import type { ServiceContext } from "./context";

export const findNotificationGroupInput = z.object({ groupId: z.string() });

/**
 * One of the team's notification groups (what a group email's "and N more" link filters the
 * domains by), or null: a malformed id, another team's group and a missing one read alike.
 */
export async function findNotificationGroup(
  ctx: ServiceContext,
  input: z.input<typeof findNotificationGroupInput>,
) {
  const { groupId } = findNotificationGroupInput.parse(input);
  if (!z.uuid().safeParse(groupId).success) return null;
  return ctx.prisma.notificationGroup.findFirst({
    where: { id: groupId, teamId: ctx.teamId },
    select: { id: true, kind: true, cause: true, closedAt: true, _count: { select: { members: true } } },
  });
}
