import { z } from "zod";
import type { ServiceContext } from "./context";
import { decodeCursor, idCursor, page, pageInput } from "./cursor";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";

export const listScansInput = z.object({ domainId: z.uuid(), ...pageInput });

/** A domain's scan history, newest first. */
export async function listScans(ctx: ServiceContext, input: z.input<typeof listScansInput>) {
  const { domainId, cursor, limit } = parseInput(listScansInput, input);
  await findTeamDomain(ctx.prisma, ctx.teamId, domainId);
  const rows = await ctx.prisma.scan.findMany({
    where: {
      domainId,
      teamId: ctx.teamId,
      ...(cursor ? { id: { lt: decodeCursor(idCursor, cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  return page(rows, limit, (row) => row.id);
}
