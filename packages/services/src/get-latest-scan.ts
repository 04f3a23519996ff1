import { z } from "zod";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";

export const getLatestScanInput = z.object({ domainId: z.uuid() });

/**
 * The domain's latest completed scan with its chain and findings: what it serves now and what is
 * wrong with it. A scan that could not connect still counts; its error says why.
 */
export async function getLatestScan(ctx: ServiceContext, input: z.input<typeof getLatestScanInput>) {
  const { domainId } = parseInput(getLatestScanInput, input);
  await findTeamDomain(ctx.prisma, ctx.teamId, domainId);
  const scan = await ctx.prisma.scan.findFirst({
    where: { domainId, teamId: ctx.teamId, status: "done" },
    orderBy: { id: "desc" },
    include: {
      certificates: { orderBy: { position: "asc" }, include: { certificate: true } },
      findings: true,
    },
  });
  if (!scan) throw new ServiceError("not_found", "the domain has not been scanned yet", "domainId");
  return scan;
}
