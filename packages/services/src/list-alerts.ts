import type { Prisma } from "@port443/db";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { decodeCursor, idCursor, page, pageInput } from "./cursor";
import { parseInput } from "./parse-input";

export const listAlertsInput = z.object({
  ...pageInput,
  /** `active`: open, notified or acknowledged – everything not yet resolved. */
  state: z.enum(["active", "open", "notified", "acknowledged", "resolved"]).default("active"),
  domainId: z.uuid().optional(),
});

/** The team's alerts, newest first, each with its notification group when it is in one. */
export async function listAlerts(ctx: ServiceContext, input: z.input<typeof listAlertsInput>) {
  const { cursor, limit, state, domainId } = parseInput(listAlertsInput, input);
  const where: Prisma.AlertWhereInput = {
    teamId: ctx.teamId,
    domainId,
    state: state === "active" ? { not: "resolved" } : state,
  };
  if (cursor) where.id = { lt: decodeCursor(idCursor, cursor) };
  const rows = await ctx.prisma.alert.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit + 1,
    include: {
      domain: { select: { hostname: true, port: true } },
      // The alert's notification group (one per recipient and webhook, all of one cause): the first says what it shares.
      groupMembers: {
        select: { group: { select: { id: true, cause: true, _count: { select: { members: true } } } } },
        orderBy: { groupId: "asc" },
        take: 1,
      },
    },
  });
  return page(rows, limit, (row) => row.id);
}
