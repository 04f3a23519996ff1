import { z } from "zod";
import { teamTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { scanIntervalField, watchIntervalField } from "./domain-fields";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
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
  const select = { defaultWatchIntervalSeconds: true, defaultScanIntervalSeconds: true } as const;
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: ctx.teamId }, select });
    const after = await tx.team.update({ where: { id: ctx.teamId }, data: changes, select });
    await recordAudit(tx, ctx, {
      action: "team_schedule.updated",
      target: teamTarget(ctx.teamId, "Monitoring schedule"),
      before,
      after,
    });
    return after;
  });
}
