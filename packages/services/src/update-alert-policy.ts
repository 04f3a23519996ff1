import { severities } from "@port443/scanner/report";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { parseInput } from "./parse-input";
import { requireRole } from "./roles";

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
  /** Empty: the team's owners and admins. */
  recipients: z.array(z.email()).max(20),
  dailyDigest: z.boolean(),
});

/** The team's alert policy (domains may override it field by field). */
export async function updateAlertPolicy(ctx: ServiceContext, input: z.input<typeof updateAlertPolicyInput>) {
  requireRole(ctx.role, "admin");
  const policy = parseInput(updateAlertPolicyInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    const existing = await tx.alertPolicy.findFirst({ where: { teamId: ctx.teamId, domainId: null } });
    return existing
      ? tx.alertPolicy.update({ where: { id: existing.id }, data: policy })
      : tx.alertPolicy.create({ data: { ...policy, teamId: ctx.teamId } });
  });
}
