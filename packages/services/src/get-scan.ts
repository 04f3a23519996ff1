import { z } from "zod";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";

export const getScanInput = z.object({ scanId: z.uuid() });

/** One scan of the team, with its chain and findings; another team's scan is "not found". */
export async function getScan(ctx: ServiceContext, input: z.input<typeof getScanInput>) {
  const { scanId } = parseInput(getScanInput, input);
  const scan = await ctx.prisma.scan.findFirst({
    where: { id: scanId, teamId: ctx.teamId },
    include: {
      certificates: { orderBy: { position: "asc" }, include: { certificate: true } },
      findings: true,
      addresses: true,
    },
  });
  if (!scan) throw new ServiceError("not_found", "no such scan", "scanId");
  return scan;
}
