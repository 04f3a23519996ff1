import { z } from "zod";
import type { ServiceContext } from "./context";
import { scanIntervalField, watchIntervalField } from "./domain-fields";
import { parseInput } from "./parse-input";
import { requireRole } from "./roles";
import { assertWatchInterval } from "./watch-interval-limit";

export const updateTeamScheduleInput = z.object({
  defaultWatchIntervalSeconds: watchIntervalField.optional(),
  defaultScanIntervalSeconds: scanIntervalField.optional(),
});

/**
 * The team's default intervals, for domains without their own. Domains take them at their next
 * probe or scan: what is already scheduled runs when it was due.
 */
export async function updateTeamSchedule(
  ctx: ServiceContext,
  input: z.input<typeof updateTeamScheduleInput>,
) {
  requireRole(ctx.role, "admin");
  const changes = parseInput(updateTeamScheduleInput, input);
  assertWatchInterval(ctx, changes.defaultWatchIntervalSeconds, ["defaultWatchIntervalSeconds"]);
  return ctx.prisma.team.update({
    where: { id: ctx.teamId },
    data: changes,
    select: { defaultWatchIntervalSeconds: true, defaultScanIntervalSeconds: true },
  });
}
