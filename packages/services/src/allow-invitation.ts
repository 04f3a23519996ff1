import type { ServiceContext } from "./context";
import { requireRole } from "./roles";
import { takeThrottleTurn } from "./team-throttles";

/**
 * Takes one of the team's hourly invitations before better-auth creates and emails one (it
 * checks the inviter's role again and refuses duplicates): invitations mail any address, so a
 * team may send only so many.
 */
export async function allowInvitation(ctx: ServiceContext) {
  requireRole(ctx.role, "admin");
  await ctx.prisma.$transaction((tx) => takeThrottleTurn(tx, ctx, "invitations"));
}
