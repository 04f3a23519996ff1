import { z } from "zod";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { requireRole } from "./roles";

export const deleteDomainInput = z.object({ domainId: z.uuid() });

/** Removes the domain with its scans, alerts and pending notifications (cascade). */
export async function deleteDomain(ctx: ServiceContext, input: z.input<typeof deleteDomainInput>) {
  requireRole(ctx.role, "member");
  const { domainId } = parseInput(deleteDomainInput, input);
  const { count } = await ctx.prisma.domain.deleteMany({ where: { id: domainId, teamId: ctx.teamId } });
  if (!count) throw new ServiceError("not_found", "no such domain", "domainId");
}
