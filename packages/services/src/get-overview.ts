import type { ServiceContext } from "./context";

const DAY = 86_400_000;

/**
 * The team at a glance: how many domains, how many expired or expiring within 7 and 30 days,
 * how many fail to scan, the grade distribution, expiries per week for the next 90 days, and the
 * most urgent domains first (expired, then soonest to expire, then failing).
 */
export async function getOverview(ctx: ServiceContext) {
  const now = new Date();
  const teamId = ctx.teamId;
  const inDays = (days: number) => new Date(now.getTime() + days * DAY);
  const [total, expired, within7, within30, failing, grades, upcoming, urgent] = await Promise.all([
    ctx.prisma.domain.count({ where: { teamId } }),
    ctx.prisma.domain.count({ where: { teamId, notAfter: { lt: now } } }),
    ctx.prisma.domain.count({ where: { teamId, notAfter: { gte: now, lte: inDays(7) } } }),
    ctx.prisma.domain.count({ where: { teamId, notAfter: { gte: now, lte: inDays(30) } } }),
    ctx.prisma.domain.count({ where: { teamId, status: "error" } }),
    ctx.prisma.domain.groupBy({ by: ["grade"], where: { teamId }, _count: { _all: true } }),
    // Counted per week in PostgreSQL: a big team has tens of thousands of certificates in 90 days.
    ctx.prisma.$queryRaw<{ week: number; count: number }[]>`
      SELECT floor(extract(epoch FROM (not_after - ${now})) / 604800)::int AS week, count(*)::int AS count
      FROM domains
      WHERE team_id = ${teamId}::uuid AND not_after >= ${now} AND not_after <= ${inDays(90)}
      GROUP BY 1`,
    ctx.prisma.domain.findMany({
      where: { teamId, OR: [{ notAfter: { lte: inDays(30) } }, { status: { in: ["error", "critical"] } }] },
      orderBy: [{ notAfter: { sort: "asc", nulls: "last" } }],
      take: 10,
    }),
  ]);
  const weeks = Array.from({ length: 13 }, (_, week) => ({ week, from: inDays(week * 7), count: 0 }));
  for (const { week, count } of upcoming) weeks[Math.min(12, week)]!.count += count;
  return {
    counts: { total, expired, within7, within30, failing },
    grades: grades.map((row) => ({ grade: row.grade, count: row._count._all })),
    expiriesByWeek: weeks,
    urgent,
  };
}
