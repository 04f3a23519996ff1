import { z } from "zod";
import { domainTarget } from "./audit-targets";
import { replaceBadgeToken } from "./badge-change";
import { generateBadgeToken } from "./badge-token";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const rotateBadgeInput = z.object({ domainId: z.uuid() });

/**
 * Gives the domain's badge a new URL; the old one is not found from then on (`revokedToken`, for
 * callers that cache badges by token). A badge that is off stays off.
 */
export async function rotateBadge(ctx: ServiceContext, input: z.input<typeof rotateBadgeInput>) {
  requireRole(ctx.role, "member");
  const { domainId } = parseInput(rotateBadgeInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    const domain = await findTeamDomain(tx, ctx.teamId, domainId);
    if (!domain.badgeToken) throw new ServiceError("conflict", "the badge is off: turn it on first");
    const token = generateBadgeToken();
    await replaceBadgeToken(tx, domainId, domain.badgeToken, token);
    // The URL is the badge's only secret: the log says it changed, not what it is.
    await recordAudit(tx, ctx, { action: "badge.rotated", target: domainTarget(domain) });
    return { token, revokedToken: domain.badgeToken };
  });
}
