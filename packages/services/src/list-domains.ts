import { type Domain, Prisma } from "@port443/db";
import { dbGrades, gradeFromDb, gradeToDb } from "@port443/monitoring";
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

/** What a list shows of each domain (its summary and schedule), by field and column. */
const listedColumns = {
  id: "id",
  hostname: "hostname",
  port: "port",
  tags: "tags",
  enabled: "enabled",
  scanIntervalSeconds: "scan_interval_seconds",
  watchIntervalSeconds: "watch_interval_seconds",
  status: "status",
  grade: "grade",
  notAfter: "not_after",
  renewalDueAt: "renewal_due_at",
  issuer: "issuer",
  fingerprint: "fingerprint",
  lastScanAt: "last_scan_at",
  nextScanAt: "next_scan_at",
  lastProbeAt: "last_probe_at",
  lastSeenAt: "last_seen_at",
  nextWatchAt: "next_watch_at",
  lastError: "last_error",
  failureCount: "failure_count",
  mutedUntil: "muted_until",
  badgeToken: "badge_token",
  createdAt: "created_at",
  updatedAt: "updated_at",
} as const satisfies Partial<Record<keyof Domain, string>>;

export type ListedDomain = Pick<Domain, keyof typeof listedColumns>;

const selectListed = Prisma.raw(
  Object.entries(listedColumns)
    .map(([field, column]) => `d.${column} AS "${field}"`)
    .join(", "),
);

const domainCursor = z.tuple([z.string(), z.number().int()]);
const expiryCursor = z.tuple([z.number().int().nullable(), z.uuid()]);

/** A UTC instant as the timestamp (without zone) columns hold it. */
const timestamp = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp`;

/**
 * The team's domains by hostname and port (or soonest expiry first), a page at a time with keyset
 * pagination: the cursor is an index bound, so a page deep in the list costs what the first does.
 * In SQL rather than Prisma's findMany: its model mapping of each row's ten timestamps made a page
 * of 50 cost 1.2 ms of CPU against 0.6 ms, a third of an API request's.
 */
export async function listDomains(ctx: ServiceContext, input: z.input<typeof listDomainsInput>) {
  const { cursor, limit, status, grade, tag, expiringWithinDays, search, sort, groupId } = parseInput(
    listDomainsInput,
    input,
  );
  const where = [Prisma.sql`d.team_id = ${ctx.teamId}::uuid`];
  if (status) where.push(Prisma.sql`d.status = ${status}::"DomainStatus"`);
  if (grade) where.push(Prisma.sql`d.grade = ${gradeFromDb[grade]}::"Grade"`);
  if (tag) where.push(Prisma.sql`d.tags @> ARRAY[${tag}]::text[]`);
  if (search) where.push(Prisma.sql`strpos(d.hostname, ${search}) > 0`);
  if (expiringWithinDays !== undefined)
    where.push(
      Prisma.sql`d.not_after <= ${timestamp(new Date(Date.now() + expiringWithinDays * 86_400_000))}`,
    );
  if (groupId)
    where.push(Prisma.sql`EXISTS (
      SELECT 1 FROM alerts a
      JOIN notification_group_members m ON m.alert_id = a.id
      JOIN notification_groups g ON g.id = m.group_id
      WHERE a.domain_id = d.id AND g.id = ${groupId}::uuid AND g.team_id = ${ctx.teamId}::uuid)`);

  let order: Prisma.Sql;
  let keyOf: (row: ListedDomain) => unknown;
  if (sort === "expiry") {
    // Soonest expiry first, domains without a certificate yet at the end; ties by id.
    if (cursor) {
      const [notAfter, id] = decodeCursor(expiryCursor, cursor);
      where.push(
        notAfter === null
          ? Prisma.sql`d.not_after IS NULL AND d.id > ${id}::uuid`
          : Prisma.sql`(d.not_after > ${timestamp(new Date(notAfter))}
              OR (d.not_after = ${timestamp(new Date(notAfter))} AND d.id > ${id}::uuid)
              OR d.not_after IS NULL)`,
      );
    }
    order = Prisma.sql`d.not_after ASC NULLS LAST, d.id ASC`;
    keyOf = (row) => [row.notAfter?.getTime() ?? null, row.id];
  } else {
    if (cursor) {
      const [hostname, port] = decodeCursor(domainCursor, cursor);
      // "After (hostname, port)" spelled so PostgreSQL starts the index scan at the cursor:
      // hostname >= h is an index bound, where a row comparison or an OR of the two cases would
      // be read from the team's first row (442 buffers instead of 6 at 50,000 domains).
      where.push(
        Prisma.sql`d.hostname >= ${hostname} AND NOT (d.hostname = ${hostname} AND d.port <= ${port})`,
      );
    }
    order = Prisma.sql`d.hostname ASC, d.port ASC`;
    keyOf = (row) => [row.hostname, row.port];
  }

  const rows = await ctx.prisma.$queryRaw<ListedDomain[]>`
    SELECT ${selectListed} FROM domains d
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}
    LIMIT ${limit + 1}`;
  // Grades come back as stored ("A+"); Prisma's enum names them A_PLUS.
  for (const row of rows) if (row.grade) row.grade = gradeToDb[row.grade as keyof typeof gradeToDb];
  return page(rows, limit, keyOf);
}
