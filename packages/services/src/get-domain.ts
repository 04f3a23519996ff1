import { deepIntervalMs, watchIntervalMs } from "@port443/monitoring";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";

export const getDomainInput = z.object({ domainId: z.uuid() });

/**
 * The team's domain, with the intervals it is monitored at (`schedule`): each the domain's own
 * (`own`) or else the team's default (`teamSeconds`), and the watch interval never below the
 * deployment's minimum, as the worker applies them.
 */
export async function getDomain(ctx: ServiceContext, input: z.input<typeof getDomainInput>) {
  const { domainId } = parseInput(getDomainInput, input);
  const [domain, team] = await Promise.all([
    findTeamDomain(ctx.prisma, ctx.teamId, domainId),
    ctx.prisma.team.findUniqueOrThrow({
      where: { id: ctx.teamId },
      select: { defaultWatchIntervalSeconds: true, defaultScanIntervalSeconds: true },
    }),
  ]);
  const minimum = ctx.quotas?.minWatchIntervalSeconds ?? 0;
  return {
    ...domain,
    schedule: {
      watch: {
        everySeconds: watchIntervalMs(domain, team, minimum) / 1000,
        own: domain.watchIntervalSeconds !== null,
        teamSeconds: team.defaultWatchIntervalSeconds,
      },
      deep: {
        everySeconds: deepIntervalMs(domain, team) / 1000,
        own: domain.scanIntervalSeconds !== null,
        teamSeconds: team.defaultScanIntervalSeconds,
      },
    },
  };
}
