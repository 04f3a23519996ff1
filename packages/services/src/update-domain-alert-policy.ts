import { z } from "zod";
import { domainTarget, policyFields } from "./audit-targets";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { issueConfirmationLinks, recipientsChanged } from "./recipient-confirmations";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";
import { takeThrottleTurn } from "./team-throttles";
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

/**
 * Sets the domain's overrides; when every field inherits, the override row goes away. Its
 * recipients are confirmed and throttled as the team policy's (`updateAlertPolicy`).
 */
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
  const now = new Date();
  return ctx.prisma.$transaction(async (tx) => {
    const domain = await findTeamDomain(tx, ctx.teamId, domainId);
    const existing = await tx.alertPolicy.findUnique({ where: { domainId } });
    let policy = null;
    if (inheritsAll) await tx.alertPolicy.deleteMany({ where: { teamId: ctx.teamId, domainId } });
    else
      policy = await tx.alertPolicy.upsert({
        where: { domainId },
        create: { ...data, teamId: ctx.teamId, domainId },
        update: data,
      });
    const confirmations = await issueConfirmationLinks(tx, ctx.teamId, data.recipients, now);
    if (confirmations.length || recipientsChanged(existing?.recipients ?? [], data.recipients))
      await takeThrottleTurn(tx, ctx, "recipient_changes", now);
    await recordAudit(tx, ctx, {
      action: "domain_policy.updated",
      target: domainTarget(domain),
      before: policyFields(existing),
      after: policyFields(policy),
    });
    return { policy, confirmations };
  });
}
