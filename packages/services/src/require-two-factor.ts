import { z } from "zod";
import { teamTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const requireTwoFactorInput = z.object({ required: z.boolean() });

/**
 * Whether every member must sign in with a second factor (an authenticator app or a passkey) to
 * reach the team's pages; owners only. The owner turning it on must have one already, so the
 * policy never starts by sending its own author to enrol. Members without one are led to enrol
 * at their next page (the dashboard checks on every request); API keys are unaffected. Returns
 * the policy and how many members still have no second factor.
 */
export async function requireTwoFactor(ctx: ServiceContext, input: z.input<typeof requireTwoFactorInput>) {
  requireRole(ctx.role, "owner");
  const { required } = parseInput(requireTwoFactorInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    if (required) {
      const author = ctx.userId
        ? await tx.user.findUnique({ where: { id: ctx.userId }, select: { twoFactorEnabled: true } })
        : null;
      if (!author?.twoFactorEnabled)
        throw new ServiceError(
          "validation",
          "turn on two-factor sign-in for your own account before requiring it",
          "required",
        );
    }
    const before = await tx.team.findUniqueOrThrow({
      where: { id: ctx.teamId },
      select: { requireTwoFactor: true },
    });
    await tx.team.update({ where: { id: ctx.teamId }, data: { requireTwoFactor: required } });
    await recordAudit(tx, ctx, {
      action: required ? "two_factor.required" : "two_factor.not_required",
      target: teamTarget(ctx.teamId, "Two-factor sign-in"),
      before,
      after: { requireTwoFactor: required },
    });
    const membersWithout = await tx.member.count({
      where: { teamId: ctx.teamId, user: { twoFactorEnabled: false } },
    });
    return { required, membersWithout };
  });
}
