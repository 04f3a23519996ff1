import type { Prisma } from "@port443/db";
import { dbGrades } from "@port443/monitoring";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { decodeCursor, page, pageInput } from "./cursor";
import { parseInput } from "./parse-input";

export const domainStatuses = ["pending", "ok", "warning", "critical", "error"] as const;
export { dbGrades };

export const listDomainsInput = z.object({
  ...pageInput,
  status: z.enum(domainStatuses).optional(),
  grade: z.enum(dbGrades).optional(),
  tag: z.string().trim().toLowerCase().min(1).max(40).optional(),
  /** Certificates expiring within N days, already expired ones included. */
  expiringWithinDays: z.number().int().min(0).max(3650).optional(),
  /** Part of the hostname. */
  search: z.string().trim().toLowerCase().min(1).max(253).optional(),
  /** Only the domains whose alerts are in this notification group of the team's (a group email's link). */
  groupId: z.uuid().optional(),
  /** `hostname` (A–Z, then port) or `expiry` (soonest first, unscanned last). */
  sort: z.enum(["hostname", "expiry"]).default("hostname"),
});

const domainCursor = z.tuple([z.string(), z.number().int()]);

/** The team's domains by hostname and port, a page at a time (keyset pagination: fast on any page). */
export async function listDomains(ctx: ServiceContext, input: z.input<typeof listDomainsInput>) {
  const { cursor, limit, status, grade, tag, expiringWithinDays, search, sort, groupId } = parseInput(
    listDomainsInput,
    input,
  );
  const where: Prisma.DomainWhereInput = { teamId: ctx.teamId, status, grade };
  if (tag) where.tags = { has: tag };
  if (groupId)
    where.alerts = { some: { groupMembers: { some: { group: { id: groupId, teamId: ctx.teamId } } } } };
  if (expiringWithinDays !== undefined)
    where.notAfter = { lte: new Date(Date.now() + expiringWithinDays * 86_400_000) };
  if (sort === "expiry") return byExpiry(ctx, where, search, cursor, limit);
  const after = cursor ? decodeCursor(domainCursor, cursor) : undefined;
  // "After (hostname, port)" spelled so PostgreSQL starts the index scan at the cursor:
  // hostname >= h is an index bound, where an OR of the two cases would filter from the start.
  where.hostname = { contains: search, gte: after?.[0] };
  if (after) where.NOT = { hostname: after[0], port: { lte: after[1] } };
  const rows = await ctx.prisma.domain.findMany({
    where,
    orderBy: [{ hostname: "asc" }, { port: "asc" }],
    take: limit + 1,
  });
  return page(rows, limit, (row) => [row.hostname, row.port]);
}

const expiryCursor = z.tuple([z.number().int().nullable(), z.uuid()]);

/** Soonest expiry first, domains without a certificate yet at the end; ties by id. */
async function byExpiry(
  ctx: ServiceContext,
  where: Prisma.DomainWhereInput,
  search: string | undefined,
  cursor: string | undefined,
  limit: number,
) {
  if (search) where.hostname = { contains: search };
  if (cursor) {
    const [notAfter, id] = decodeCursor(expiryCursor, cursor);
    const after =
      notAfter === null
        ? { notAfter: null, id: { gt: id } }
        : {
            OR: [
              { notAfter: { gt: new Date(notAfter) } },
              { notAfter: new Date(notAfter), id: { gt: id } },
              { notAfter: null },
            ],
          };
    where.AND = [after];
  }
  const rows = await ctx.prisma.domain.findMany({
    where,
    orderBy: [{ notAfter: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: limit + 1,
  });
  return page(rows, limit, (row) => [row.notAfter?.getTime() ?? null, row.id]);
}
