import { z } from "zod";
import { domainFields, domainTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { scanIntervalField, tagsField, watchIntervalField } from "./domain-fields";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";
import { assertWatchInterval } from "./watch-interval-limit";

/** Hostname and port are a domain's identity: to change them, add another domain. */
export const updateDomainInput = z.object({
  domainId: z.uuid(),
  tags: tagsField.optional(),
  enabled: z.boolean().optional(),
  /** null returns to the team's default interval. */
  scanIntervalSeconds: scanIntervalField.nullable().optional(),
  /** null returns to the team's default watch interval. */
  watchIntervalSeconds: watchIntervalField.nullable().optional(),
});

export async function updateDomain(ctx: ServiceContext, input: z.input<typeof updateDomainInput>) {
  requireRole(ctx.role, "member");
  const { domainId, ...changes } = parseInput(updateDomainInput, input);
  assertWatchInterval(ctx, changes.watchIntervalSeconds, ["watchIntervalSeconds"]);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await findTeamDomain(tx, ctx.teamId, domainId);
    const after = await tx.domain.update({ where: { id: domainId }, data: changes });
    await recordAudit(tx, ctx, {
      action: "domain.updated",
      target: domainTarget(after),
      before: domainFields(before),
      after: domainFields(after),
    });
    return after;
  });
}
