import { leaseEnd } from "@port443/monitoring";
import { z } from "zod";
import { domainCreated } from "./audit-targets";
import type { ServiceContext } from "./context";
import { domainFields } from "./domain-fields";
import { type FieldIssue, ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";
import { assertDomainQuota } from "./team-quotas";

export const maxBulkDomains = 5_000;
/**
 * A 5,000-line import is one statement, but on a busy database it can outlast Prisma's 5 s
 * default transaction timeout, and then nothing is added.
 */
const BULK_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

export const addDomainsInput = z.object({
  domains: z.array(z.unknown()).min(1).max(maxBulkDomains),
});

/**
 * Bulk import: every line is checked first (format, duplicates in the list, already monitored),
 * and either all are added or none, with one issue per bad line, or none when they would take the
 * team past its domain quota. Their first scans come with the scheduler's next tick rather than
 * all at once, taking turns with other teams' due domains. The audit log gets one
 * `domain.created` per domain (one statement), so each domain's history starts with its import.
 */
export async function addDomains(ctx: ServiceContext, input: z.input<typeof addDomainsInput>) {
  requireRole(ctx.role, "member");
  const { domains } = parseInput(addDomainsInput, input);
  const issues: FieldIssue[] = [];
  const rows: z.output<typeof domainFields>[] = [];
  const seen = new Map<string, number>();
  domains.forEach((entry, index) => {
    const result = domainFields.safeParse(entry);
    if (!result.success) {
      for (const issue of result.error.issues)
        issues.push({ path: ["domains", index, ...issue.path.map(String)], message: issue.message });
      return;
    }
    const minimum = ctx.quotas?.minWatchIntervalSeconds;
    const watch = result.data.watchIntervalSeconds;
    if (minimum !== undefined && watch !== undefined && watch < minimum) {
      issues.push({
        path: ["domains", index, "watchIntervalSeconds"],
        message: `at least ${minimum} seconds on this deployment`,
      });
      return;
    }
    const key = `${result.data.hostname}:${result.data.port}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ path: ["domains", index], message: `${key} repeats line ${earlier + 1}` });
      return;
    }
    seen.set(key, index);
    rows.push(result.data);
  });

  return ctx.prisma.$transaction(async (tx) => {
    const existing = await tx.domain.findMany({
      where: { teamId: ctx.teamId, hostname: { in: rows.map((row) => row.hostname) } },
      select: { hostname: true, port: true },
    });
    for (const domain of existing) {
      const key = `${domain.hostname}:${domain.port}`;
      const index = seen.get(key);
      if (index !== undefined)
        issues.push({ path: ["domains", index], message: `${key} is already monitored` });
    }
    if (issues.length) {
      issues.sort((a, b) => Number(a.path[1]) - Number(b.path[1]));
      throw new ServiceError(
        "validation",
        `${issues.length} of ${domains.length} lines are invalid; nothing was added`,
        undefined,
        issues,
      );
    }
    await assertDomainQuota(tx, ctx, rows.length);
    // Their first watch probes follow their first deep scans (recordScan makes them due then).
    const watchAfter = leaseEnd();
    const created = await tx.domain.createManyAndReturn({
      data: rows.map((row) => ({ teamId: ctx.teamId, ...row, nextWatchAt: watchAfter })),
    });
    await recordAudit(tx, ctx, created.map(domainCreated));
    return created;
  }, BULK_TRANSACTION);
}
