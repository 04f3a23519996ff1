import { enqueue, scanPriority } from "@port443/jobs";
import { z } from "zod";
import { domainTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";
import { assertManualScanRate } from "./team-quotas";

export const requestScanInput = z.object({ domainId: z.uuid() });

/**
 * "Scan now": a Scan row in state `queued` and a priority job that fills it in. Returns the
 * scan's id; `getScan` reads its state back (queued → running → done, or failed). At most the
 * team's hourly rate of manual scans.
 */
export async function requestScan(ctx: ServiceContext, input: z.input<typeof requestScanInput>) {
  requireRole(ctx.role, "member");
  const { domainId } = parseInput(requestScanInput, input);
  const domain = await findTeamDomain(ctx.prisma, ctx.teamId, domainId);
  const scan = await ctx.prisma.$transaction(async (tx) => {
    await assertManualScanRate(tx, ctx, new Date());
    const queued = await tx.scan.create({
      data: { teamId: ctx.teamId, domainId, status: "queued", trigger: "manual" },
      select: { id: true, status: true, createdAt: true },
    });
    await recordAudit(tx, ctx, {
      action: "scan.requested",
      target: domainTarget(domain),
      after: { scanId: queued.id },
    });
    return queued;
  });
  await enqueue(
    ctx.queues,
    "scan.domain",
    { domainId, scanId: scan.id },
    { jobId: `manual_${scan.id}`, priority: scanPriority.requested },
  );
  return scan;
}
