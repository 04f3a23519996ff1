import { z } from "zod";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { requireRole } from "./roles";
import { updateAlertPolicyInput } from "./update-alert-policy";

const teamField = updateAlertPolicyInput.shape;

/**
 * A domain's departures from the team policy, field by field; null inherits. The daily digest is
 * a team-wide choice and has no per-domain override.
 */
export const updateDomainAlertPolicyInput = z.object({
  domainId: z.uuid(),
  expiryMode: teamField.expiryMode.unwrap().nullable().default(null),
  expiryThresholds: teamField.expiryThresholds.nullable(),
  minSeverity: teamField.minSeverity.nullable(),
  notifyGradeDrop: teamField.notifyGradeDrop.nullable(),
  notifyCertChange: teamField.notifyCertChange.nullable(),
  failingScanThreshold: teamField.failingScanThreshold.nullable(),
  recipients: teamField.recipients.min(1).nullable(),
});

/** Sets the domain's overrides; when every field inherits, the override row goes away. */
export async function updateDomainAlertPolicy(
  ctx: ServiceContext,
  input: z.input<typeof updateDomainAlertPolicyInput>,
) {
  requireRole(ctx.role, "admin");
  const { domainId, ...fields } = parseInput(updateDomainAlertPolicyInput, input);
  const data = {
    ...fields,
    // The table keeps "inherit" for lists as an empty array.
    expiryThresholds: fields.expiryThresholds ?? [],
    recipients: fields.recipients ?? [],
  };
  const inheritsAll = Object.values(fields).every((value) => value === null);
  return ctx.prisma.$transaction(async (tx) => {
    await findTeamDomain(tx, ctx.teamId, domainId);
    if (inheritsAll) {
      await tx.alertPolicy.deleteMany({ where: { teamId: ctx.teamId, domainId } });
      return null;
    }
    return tx.alertPolicy.upsert({
      where: { domainId },
      create: { ...data, teamId: ctx.teamId, domainId },
      update: data,
    });
  });
}
