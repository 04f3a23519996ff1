import type { ServiceContext } from "./context";
import { hasRole, requireRole } from "./roles";

/**
 * The team's two-factor policy and who has no second factor yet (admins and owners see the
 * names, to follow up; others only the count).
 */
export async function getTwoFactorPolicy(ctx: ServiceContext) {
  requireRole(ctx.role, "viewer");
  const team = await ctx.prisma.team.findUniqueOrThrow({
    where: { id: ctx.teamId },
    select: { requireTwoFactor: true },
  });
  const without = await ctx.prisma.member.findMany({
    where: { teamId: ctx.teamId, user: { twoFactorEnabled: false } },
    select: { role: true, user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    required: team.requireTwoFactor,
    membersWithout: without.length,
    withoutSecondFactor: hasRole(ctx.role, "admin")
      ? without.map((member) => ({ name: member.user.name, email: member.user.email, role: member.role }))
      : [],
  };
}
