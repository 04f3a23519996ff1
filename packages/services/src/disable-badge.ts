import { z } from "zod";
import { domainTarget } from "./audit-targets";
import { replaceBadgeToken } from "./badge-change";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const disableBadgeInput = z.object({ domainId: z.uuid() });

/**
 * Turns the domain's badge off: its URL is not found from then on (`revokedToken`, for callers
 * that cache badges by token; null when it was off already). Turning it on again gives a new URL.
 */
export async function disableBadge(ctx: ServiceContext, input: z.input<typeof disableBadgeInput>) {
  requireRole(ctx.role, "member");
  const { domainId } = parseInput(disableBadgeInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    const domain = await findTeamDomain(tx, ctx.teamId, domainId);
    if (domain.badgeToken) {
      await replaceBadgeToken(tx, domainId, domain.badgeToken, null);
      await recordAudit(tx, ctx, {
        action: "badge.disabled",
        target: domainTarget(domain),
        before: { badge: "on" },
        after: { badge: "off" },
      });
    }
    return { revokedToken: domain.badgeToken };
  });
}
