import type { ServiceContext } from "./context";

/** The team's members (with name and email) and its pending invitations; any member may look. */
export async function listMembers(ctx: ServiceContext) {
  const [members, invitations] = await Promise.all([
    ctx.prisma.member.findMany({
      where: { teamId: ctx.teamId },
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    ctx.prisma.invitation.findMany({
      where: { teamId: ctx.teamId, status: "pending", expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invitations };
}
