import { z } from "zod";
import { domainFields, domainTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const deleteDomainInput = z.object({ domainId: z.uuid() });

/** Removes the domain with its scans, alerts and pending notifications (cascade). */
export async function deleteDomain(ctx: ServiceContext, input: z.input<typeof deleteDomainInput>) {
  requireRole(ctx.role, "member");
  const { domainId } = parseInput(deleteDomainInput, input);
  await ctx.prisma.$transaction(async (tx) => {
    const domain = await findTeamDomain(tx, ctx.teamId, domainId);
    await tx.domain.delete({ where: { id: domainId } });
    await recordAudit(tx, ctx, {
      action: "domain.deleted",
      target: domainTarget(domain),
      before: domainFields(domain),
    });
  });
}
