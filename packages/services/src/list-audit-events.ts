import type { Prisma } from "@port443/db";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { decodeCursor, page, pageInput } from "./cursor";
import { parseInput } from "./parse-input";
import { auditActions } from "./record-audit";
import { requireRole } from "./roles";

export const listAuditEventsInput = z.object({
  ...pageInput,
  /** A user's or an API key's id: only what they did. */
  actorId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
});

const auditCursor = z.tuple([z.number().int(), z.uuid()]);

/**
 * The team's audit log, newest first, a page at a time (keyset on (created_at, id), each filter
 * with an index of its own). Members and API keys with `read` may read it; the dashboard shows it
 * to admins.
 */
export async function listAuditEvents(ctx: ServiceContext, input: z.input<typeof listAuditEventsInput>) {
  requireRole(ctx.role, "member");
  const { cursor, limit, actorId, action } = parseInput(listAuditEventsInput, input);
  const where: Prisma.AuditEventWhereInput = { teamId: ctx.teamId, actorId, action };
  if (cursor) {
    // "Before (created_at, id)" spelled so PostgreSQL starts the index scan at the cursor:
    // created_at <= t is an index bound, where an OR of the two cases would filter from the start.
    const [at, id] = decodeCursor(auditCursor, cursor);
    const createdAt = new Date(at);
    where.createdAt = { lte: createdAt };
    where.NOT = { createdAt, id: { gte: id } };
  }
  const rows = await ctx.prisma.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return page(rows, limit, (row) => [row.createdAt.getTime(), row.id]);
}
