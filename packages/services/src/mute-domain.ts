import { z } from "zod";
import { domainTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

const maxMuteDays = 90;

/** `until: null` unmutes. Alerts still open and close while muted; only notifications wait. */
export const muteDomainInput = z.object({
  domainId: z.uuid(),
  until: z.coerce
    .date()
    .refine((date) => date.getTime() > Date.now(), "must be in the future")
    .refine(
      (date) => date.getTime() <= Date.now() + maxMuteDays * 86_400_000,
      `at most ${maxMuteDays} days ahead`,
    )
    .nullable(),
});

export async function muteDomain(ctx: ServiceContext, input: z.input<typeof muteDomainInput>) {
  requireRole(ctx.role, "member");
  const { domainId, until } = parseInput(muteDomainInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await findTeamDomain(tx, ctx.teamId, domainId);
    const after = await tx.domain.update({ where: { id: domainId }, data: { mutedUntil: until } });
    await recordAudit(tx, ctx, {
      action: until ? "domain.muted" : "domain.unmuted",
      target: domainTarget(after),
      before: { mutedUntil: before.mutedUntil },
      after: { mutedUntil: after.mutedUntil },
    });
    return after;
  });
}
