import type { Prisma, PrismaClient } from "@port443/db";
import type { DigestInput } from "@port443/email";
import { enqueueNotifications, type Queues } from "@port443/jobs";
import type { Logger } from "../logger";

export interface DigestOptions {
  publicUrl: string;
  retryDelayMs?: number;
  now?: Date;
}

/**
 * Turns the emails held for daily digests into one digest per team and recipient. The held rows
 * are closed and the digest's outbox row written in one transaction, so a rerun finds nothing
 * left to send and nobody gets the same digest twice.
 */
export async function sendDigests(
  prisma: PrismaClient,
  queues: Queues,
  logger: Logger,
  options: DigestOptions,
) {
  const now = options.now ?? new Date();
  const held = await prisma.notification.findMany({
    where: { state: "held", channel: "email" },
    orderBy: { createdAt: "asc" },
    select: { id: true, teamId: true, recipient: true, payload: true, team: { select: { name: true } } },
  });
  const groups = new Map<string, typeof held>();
  for (const row of held) {
    const key = `${row.teamId}\n${row.recipient}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const digests: { id: string; channel: "email" }[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const input: DigestInput = {
      team: { name: first.team.name },
      date: now.toISOString().slice(0, 10),
      dashboardUrl: options.publicUrl,
      notices: rows.map((row) => row.payload as unknown as DigestInput["notices"][number]),
    };
    const digest = await prisma.$transaction(async (tx) => {
      const closed = await tx.notification.updateMany({
        where: { id: { in: rows.map((row) => row.id) }, state: "held" },
        data: { state: "sent", sentAt: now, lastError: "delivered in the daily digest" },
      });
      if (closed.count !== rows.length) return null; // another worker's digest got there first
      return tx.notification.create({
        data: {
          teamId: first.teamId,
          channel: "email",
          event: "digest",
          recipient: first.recipient,
          payload: input as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
    });
    if (digest) digests.push({ id: digest.id, channel: "email" });
  }
  await enqueueNotifications(queues, digests, options.retryDelayMs);
  if (digests.length) logger.info({ digests: digests.length, alerts: held.length }, "daily digests queued");
  return { digests: digests.length };
}
