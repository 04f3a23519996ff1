import type { ServiceContext } from "./context";
import { requireRole } from "./roles";

/** The team's default intervals: watch probes and deep scans, in seconds. */
export async function getTeamSchedule(ctx: ServiceContext) {
  requireRole(ctx.role, "viewer");
  return ctx.prisma.team.findUniqueOrThrow({
    where: { id: ctx.teamId },
    select: { defaultWatchIntervalSeconds: true, defaultScanIntervalSeconds: true },
  });
}
