import { Prisma } from "@port443/db";
import { enqueue, scanPriority } from "@port443/jobs";
import { leaseEnd, scanJobId } from "@port443/monitoring";
import { domainCreated } from "./audit-targets";
import type { ServiceContext } from "./context";
import { type DomainFields, domainFields } from "./domain-fields";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";
import { assertDomainQuota } from "./team-quotas";
import { assertWatchInterval } from "./watch-interval-limit";

export const addDomainInput = domainFields;
export type AddDomainInput = DomainFields;

/**
 * Registers a domain for the team (IDNs stored in punycode) and scans it right away rather than
 * at the next tick: the row is inserted already claimed (as a tick would claim a due domain), so
 * the schedule cannot scan it a second time for this slot. Not past the team's domain quota.
 */
export async function addDomain(ctx: ServiceContext, input: AddDomainInput) {
  requireRole(ctx.role, "member");
  const parsed = parseInput(addDomainInput, input);
  assertWatchInterval(ctx, parsed.watchIntervalSeconds, ["watchIntervalSeconds"]);
  const lease = leaseEnd();
  const domain = await ctx.prisma.$transaction(async (tx) => {
    await assertDomainQuota(tx, ctx, 1);
    const created = await tx.domain
      // Its first watch probe follows its first deep scan (recordScan makes it due then).
      .create({ data: { teamId: ctx.teamId, ...parsed, nextScanAt: lease, nextWatchAt: lease } })
      .catch((error: unknown) => {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          throw new ServiceError(
            "conflict",
            `${parsed.hostname}:${parsed.port} is already monitored`,
            "hostname",
          );
        }
        throw error;
      });
    await recordAudit(tx, ctx, domainCreated(created));
    return created;
  });
  await enqueue(
    ctx.queues,
    "scan.domain",
    { domainId: domain.id, lease: lease.getTime() },
    { jobId: scanJobId({ domainId: domain.id, lease }), priority: scanPriority.requested },
  );
  return domain;
}
