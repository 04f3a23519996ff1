import { effectivePolicy } from "@port443/monitoring";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";

export const getDomainAlertPolicyInput = z.object({ domainId: z.uuid() });

/**
 * What the domain's alerts follow, and why: the team's policy, the domain's own overrides
 * (null: none, or a field left to inherit) and the result of laying one over the other.
 */
export async function getDomainAlertPolicy(
  ctx: ServiceContext,
  input: z.input<typeof getDomainAlertPolicyInput>,
) {
  const { domainId } = parseInput(getDomainAlertPolicyInput, input);
  await findTeamDomain(ctx.prisma, ctx.teamId, domainId);
  const rows = await ctx.prisma.alertPolicy.findMany({
    where: { teamId: ctx.teamId, OR: [{ domainId: null }, { domainId }] },
  });
  const teamRow = rows.find((row) => row.domainId === null);
  const domainRow = rows.find((row) => row.domainId === domainId);
  return {
    team: effectivePolicy(teamRow),
    override: domainRow
      ? {
          expiryMode: domainRow.expiryMode,
          expiryThresholds: domainRow.expiryThresholds.length ? domainRow.expiryThresholds : null,
          minSeverity: domainRow.minSeverity,
          notifyGradeDrop: domainRow.notifyGradeDrop,
          notifyCertChange: domainRow.notifyCertChange,
          failingScanThreshold: domainRow.failingScanThreshold,
          recipients: domainRow.recipients.length ? domainRow.recipients : null,
        }
      : null,
    effective: effectivePolicy(teamRow, domainRow),
  };
}
