import { effectivePolicy } from "@port443/monitoring";
import type { ServiceContext } from "./context";

/** The policy the team's domains follow: its own settings over the defaults. */
export async function getAlertPolicy(ctx: ServiceContext) {
  const row = await ctx.prisma.alertPolicy.findFirst({ where: { teamId: ctx.teamId, domainId: null } });
  return effectivePolicy(row);
}
