import type { Prisma } from "@port443/db";
import type { ServiceContext } from "./context";
import { LimitError } from "./errors";

/**
 * Per-team limits of a deployment (PORT443_MAX_DOMAINS_PER_TEAM, PORT443_MANUAL_SCANS_PER_HOUR,
 * and the hourly rates of actions that mail or call addresses the team chose, `team-throttles.ts`).
 */
export interface TeamQuotas {
  /** Domains one team may monitor, however they are added. */
  domains: number;
  /** "Scan now" requests (dashboard and API together) per team in any 60 minutes. */
  manualScansPerHour: number;
  /** Webhook "send test" deliveries per team and hour. */
  testWebhooksPerHour: number;
  /** Invitations per team and hour. */
  invitationsPerHour: number;
  /** Saves of the team's or a domain's alert policy that change its recipients, per team and hour. */
  recipientChangesPerHour: number;
  /** The shortest watch-probe interval a team may set (PORT443_MIN_WATCH_INTERVAL_SECONDS). */
  minWatchIntervalSeconds: number;
}

const HOUR_MS = 3_600_000;

/**
 * Holds the team's quota of `kind` until the transaction ends (an advisory lock), so two
 * requests at once cannot both take the last place the count allowed.
 */
async function lockQuota(tx: Prisma.TransactionClient, teamId: string, kind: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`quota:${kind}:${teamId}`}, 0))`;
}

/** Refuses to take the team past its domain quota by `adding` more. */
export async function assertDomainQuota(tx: Prisma.TransactionClient, ctx: ServiceContext, adding: number) {
  if (!ctx.quotas) return;
  const limit = ctx.quotas.domains;
  await lockQuota(tx, ctx.teamId, "domains");
  const count = await tx.domain.count({ where: { teamId: ctx.teamId } });
  if (count + adding <= limit) return;
  throw new LimitError(
    "quota_exceeded",
    `domain quota reached: a team may monitor at most ${limit} domains and this one has ${count}` +
      (adding > 1 ? `, so ${adding} more do not fit` : ""),
  );
}

/**
 * Refuses a manual scan beyond the team's hourly rate, counted from the team's own scan rows
 * (trigger manual, the last 60 minutes), saying when the oldest that counts leaves the window.
 */
export async function assertManualScanRate(tx: Prisma.TransactionClient, ctx: ServiceContext, now: Date) {
  if (!ctx.quotas) return;
  const limit = ctx.quotas.manualScansPerHour;
  await lockQuota(tx, ctx.teamId, "manual-scans");
  const recent = await tx.scan.findMany({
    where: { teamId: ctx.teamId, trigger: "manual", createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (recent.length < limit) return;
  const freesAt = recent[limit - 1]!.createdAt.getTime() + HOUR_MS;
  const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
  throw new LimitError(
    "rate_limited",
    `manual scan rate reached: a team may request ${limit} scans per hour; the next is possible in ${describeWait(retryAfterSeconds)}`,
    retryAfterSeconds,
  );
}

/** "45 s" or "12 minutes": how long until a limit allows the next. */
export const describeWait = (seconds: number) =>
  seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} minutes`;
