import type { ServiceContext } from "./context";

/** The team's domains that depart from its alert policy (at most 100, by hostname): the exceptions to know about. */
export async function listDomainPolicyOverrides(ctx: ServiceContext) {
  const rows = await ctx.prisma.alertPolicy.findMany({
    where: { teamId: ctx.teamId, domainId: { not: null } },
    select: { domain: { select: { id: true, hostname: true, port: true } } },
    orderBy: { domain: { hostname: "asc" } },
    take: 100,
  });
  return rows.flatMap((row) => (row.domain ? [row.domain] : []));
}
