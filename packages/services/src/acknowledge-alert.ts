import { z } from "zod";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

const include = { domain: { select: { hostname: true, port: true } } } as const;

export const acknowledgeAlertInput = z.object({ alertId: z.uuid() });

/**
 * "Someone is on it": an acknowledged alert sends nothing more until it resolves. Acknowledging
 * twice is harmless; a resolved alert cannot be acknowledged.
 */
export async function acknowledgeAlert(ctx: ServiceContext, input: z.input<typeof acknowledgeAlertInput>) {
  requireRole(ctx.role, "member");
  const { alertId } = parseInput(acknowledgeAlertInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    const alert = await tx.alert.findFirst({ where: { id: alertId, teamId: ctx.teamId }, include });
    if (!alert) throw new ServiceError("not_found", "no such alert", "alertId");
    if (alert.state === "resolved")
      throw new ServiceError("conflict", "the alert is already resolved", "alertId");
    if (alert.state === "acknowledged") return alert;
    const acknowledged = await tx.alert.update({
      where: { id: alertId },
      data: { state: "acknowledged", acknowledgedAt: new Date() },
      include,
    });
    await recordAudit(tx, ctx, {
      action: "alert.acknowledged",
      target: {
        type: "alert",
        id: alertId,
        label: `${alert.title} on ${alert.domain.hostname}:${alert.domain.port}`,
      },
      before: { state: alert.state },
      after: { state: acknowledged.state },
    });
    return acknowledged;
  });
}
