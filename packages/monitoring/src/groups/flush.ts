import type { Prisma, PrismaClient } from "@port443/db";
import type { OutboxRow } from "../alerts/apply";
import { effectivePolicy, groupTiming } from "../policy";
import { buildGroupMessage } from "./message";
import { planGroupDelivery } from "./plan-delivery";
import { loadMembers, plannedMember } from "./store";

export interface FlushedGroup {
  /** The message's outbox row, to enqueue after commit (none when nothing was due). */
  outbox: OutboxRow[];
  /** When the group's next message is due. */
  nextAt: Date | null;
}

/**
 * Sends a group's due message: under the group's row lock (SKIP LOCKED, so a second flush of the
 * same group returns at once), writes ONE outbox row for it, marks what it told and plans the
 * next, all in one transaction. The outbox row is then delivered like any other (claimed once,
 * retried), so a flush that dies before commit leaves the group due for the tick's sweep, and one
 * that commits never sends twice. Null when the group is not due or another flush holds it.
 */
export async function flushGroup(
  prisma: PrismaClient,
  groupId: string,
  options: { publicUrl: string; now?: Date },
): Promise<FlushedGroup | null> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM notification_groups
      WHERE id = ${groupId}::uuid AND next_send_at <= ${now}
      FOR UPDATE SKIP LOCKED`;
    if (!locked.length) return null;
    const group = await tx.notificationGroup.findUniqueOrThrow({
      where: { id: groupId },
      include: { team: { select: { name: true } } },
    });
    const teamPolicy = await tx.alertPolicy.findFirst({ where: { teamId: group.teamId, domainId: null } });
    const timing = groupTiming(effectivePolicy(teamPolicy));
    const members = await loadMembers(tx, groupId);
    const planned = members.map(plannedMember);
    const { dueAt, message } = planGroupDelivery({ ...group, members: planned }, now, timing);
    if (!message) {
      await tx.notificationGroup.update({ where: { id: groupId }, data: { nextSendAt: dueAt } });
      return { outbox: [], nextAt: dueAt };
    }
    const { payload, alertId, event } = buildGroupMessage({
      group,
      team: group.team,
      publicUrl: options.publicUrl,
      now,
      members,
      message,
    });
    const row = await tx.notification.create({
      data: {
        teamId: group.teamId,
        groupId,
        alertId,
        webhookId: group.webhookId,
        channel: group.channel,
        recipient: group.recipient,
        event,
        payload: payload as unknown as Prisma.InputJsonValue,
      },
      select: { id: true, channel: true },
    });
    await tx.notificationGroupMember.updateMany({
      where: { groupId, alertId: { in: message.announce } },
      data: { announcedAt: now },
    });
    await tx.notificationGroupMember.updateMany({
      where: { groupId, alertId: { in: message.recover } },
      data: { recoveryAnnouncedAt: now },
    });
    const announced = new Set(message.announce);
    const recovered = new Set(message.recover);
    const after = planned.map((member) => ({
      ...member,
      announced: member.announced || announced.has(member.alertId),
      recoveryAnnounced: member.recoveryAnnounced || recovered.has(member.alertId),
    }));
    const next = message.allRecovered
      ? null
      : planGroupDelivery(
          { firstSentAt: group.firstSentAt ?? now, lastSentAt: now, members: after },
          now,
          timing,
        ).dueAt;
    await tx.notificationGroup.update({
      where: { id: groupId },
      data: {
        firstSentAt: group.firstSentAt ?? now,
        lastSentAt: now,
        nextSendAt: next,
        closedAt: message.allRecovered ? now : null,
      },
    });
    return { outbox: [row], nextAt: next };
  });
}

/** Groups whose next message is due: the tick's sweep for flush jobs that were lost. */
export async function dueGroups(prisma: PrismaClient, now: Date, limit = 1_000): Promise<string[]> {
  const rows = await prisma.notificationGroup.findMany({
    where: { nextSendAt: { lte: now } },
    select: { id: true },
    orderBy: { nextSendAt: "asc" },
    take: limit,
  });
  return rows.map((row) => row.id);
}
