import { severities } from "@port443/scanner/report";
import { z } from "zod";
import { policyFields, teamTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { parseInput } from "./parse-input";
import { issueConfirmationLinks, recipientsChanged } from "./recipient-confirmations";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";
import { takeThrottleTurn } from "./team-throttles";

export const updateAlertPolicyInput = z.object({
  /** lifetime (the default): renewal overdue and the final stretch, by each certificate's lifetime; fixed: the day thresholds for every certificate. */
  expiryMode: z.enum(["lifetime", "fixed"]).default("lifetime"),
  /** Days before expiry at which to warn; each fires once per certificate. */
  expiryThresholds: z
    .array(z.number().int().min(1).max(365))
    .min(1)
    .max(10)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
  minSeverity: z.enum(severities),
  notifyGradeDrop: z.boolean(),
  notifyCertChange: z.boolean(),
  failingScanThreshold: z.number().int().min(1).max(20),
  /** Empty: the team's owners and admins. Addresses outside the team receive alerts once confirmed. */
  recipients: z.array(z.email()).max(20),
  dailyDigest: z.boolean(),
  /** Grouping: seconds a new group's first message waits for others (critical ones never longer). */
  groupWaitSeconds: z.number().int().min(0).max(3_600).optional(),
  /** Seconds between a group's follow-ups (domains joining, recovering). */
  groupIntervalSeconds: z.number().int().min(1).max(86_400).optional(),
  /** Seconds between reminders of a group still open; 0 never. */
  repeatIntervalSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .optional(),
});

/**
 * The team's alert policy (domains may override it field by field). Recipients outside the team
 * get a confirmation link each, returned for the caller to email; a save that changes the
 * recipients or sends links takes one of the team's hourly recipient changes.
 */
export async function updateAlertPolicy(ctx: ServiceContext, input: z.input<typeof updateAlertPolicyInput>) {
  requireRole(ctx.role, "admin");
  const policy = parseInput(updateAlertPolicyInput, input);
  const now = new Date();
  return ctx.prisma.$transaction(async (tx) => {
    const existing = await tx.alertPolicy.findFirst({ where: { teamId: ctx.teamId, domainId: null } });
    const saved = existing
      ? await tx.alertPolicy.update({ where: { id: existing.id }, data: policy })
      : await tx.alertPolicy.create({ data: { ...policy, teamId: ctx.teamId } });
    const confirmations = await issueConfirmationLinks(tx, ctx.teamId, policy.recipients, now);
    if (confirmations.length || recipientsChanged(existing?.recipients ?? [], policy.recipients))
      await takeThrottleTurn(tx, ctx, "recipient_changes", now);
    await recordAudit(tx, ctx, {
      action: "policy.updated",
      target: teamTarget(ctx.teamId, "Alert policy"),
      before: policyFields(existing),
      after: policyFields(saved),
    });
    return { policy: saved, confirmations };
  });
}
