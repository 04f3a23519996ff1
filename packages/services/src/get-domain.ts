import { z } from "zod";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";

export const getDomainInput = z.object({ domainId: z.uuid() });

export async function getDomain(ctx: ServiceContext, input: z.input<typeof getDomainInput>) {
  const { domainId } = parseInput(getDomainInput, input);
  return findTeamDomain(ctx.prisma, ctx.teamId, domainId);
}
