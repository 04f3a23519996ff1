import { z } from "zod";
import { domainTarget } from "./audit-targets";
import { replaceBadgeToken } from "./badge-change";
import { generateBadgeToken } from "./badge-token";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const enableBadgeInput = z.object({ domainId: z.uuid() });

/**
 * Turns the domain's badge on. A badge already on keeps its token, so turning it on twice never
 * breaks a URL someone has embedded; `rotateBadge` is the way to a new one.
 */
export async function enableBadge(ctx: ServiceContext, input: z.input<typeof enableBadgeInput>) {
  requireRole(ctx.role, "member");
  const { domainId } = parseInput(enableBadgeInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    const domain = await findTeamDomain(tx, ctx.teamId, domainId);
    if (domain.badgeToken) return { token: domain.badgeToken };
    const token = generateBadgeToken();
    await replaceBadgeToken(tx, domainId, null, token);
    await recordAudit(tx, ctx, {
      action: "badge.enabled",
      target: domainTarget(domain),
      before: { badge: "off" },
      after: { badge: "on" },
    });
    return { token };
  });
}
