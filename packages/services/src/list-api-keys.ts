import type { ServiceContext } from "./context";
import { requireRole } from "./roles";

/** The team's keys, revoked ones included (for the audit trail); never their hashes. */
export async function listApiKeys(ctx: ServiceContext) {
  requireRole(ctx.role, "admin");
  return ctx.prisma.apiKey.findMany({
    where: { teamId: ctx.teamId },
    orderBy: { createdAt: "desc" },
    omit: { hash: true },
  });
}
