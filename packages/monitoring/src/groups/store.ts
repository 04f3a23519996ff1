import { type NotificationChannel, Prisma, uuidv7 } from "@port443/db";
import type { AlertNotice } from "@port443/notice";
import type { GroupCause } from "./cause";
import { type GroupMember, type GroupTiming, planGroupDelivery } from "./plan-delivery";

/** One channel a group delivers to: an email address or a webhook. */
export interface GroupTarget {
  channel: NotificationChannel;
  recipient: string;
  webhookId: string | null;
}

/** A group whose next message is due at `dueAt`: the caller schedules its flush after commit. */
export interface GroupDue {
  groupId: string;
  dueAt: Date;
}

/** A member as read for planning and rendering, its alert and domain included. */
export async function loadMembers(tx: Prisma.TransactionClient, groupId: string) {
  return tx.notificationGroupMember.findMany({
    where: { groupId },
    orderBy: [{ joinedAt: "asc" }, { alertId: "asc" }],
    include: {
      alert: {
        select: {
          state: true,
          severity: true,
          domain: { select: { id: true, hostname: true, port: true, mutedUntil: true } },
        },
      },
    },
  });
}
export type LoadedMember = Awaited<ReturnType<typeof loadMembers>>[number];

export const plannedMember = (member: LoadedMember): GroupMember => ({
  alertId: member.alertId,
  joinedAt: member.joinedAt,
  active: member.alert.state !== "resolved",
  acknowledged: member.alert.state === "acknowledged",
  announced: member.announcedAt !== null,
  recoveryAnnounced: member.recoveryAnnouncedAt !== null,
  critical: member.alert.severity === "critical",
  mutedUntil: member.alert.domain.mutedUntil,
});

/** Plans the (locked) group again and stores when its next message is due. */
export async function reschedule(
  tx: Prisma.TransactionClient,
  group: { id: string; firstSentAt: Date | null; lastSentAt: Date | null },
  timing: GroupTiming,
  now: Date,
): Promise<GroupDue[]> {
  const members = (await loadMembers(tx, group.id)).map(plannedMember);
  const { dueAt } = planGroupDelivery({ ...group, members }, now, timing);
  await tx.notificationGroup.update({ where: { id: group.id }, data: { nextSendAt: dueAt } });
  return dueAt ? [{ groupId: group.id, dueAt }] : [];
}

/**
 * Puts an alert that opened (or reopened) into its group for each target, in the transaction that
 * opened it. The insert-or-update locks the group's row until commit, so scans of a team's domains
 * join one group one at a time and a flush never reads half a join. A group that had closed (all
 * recovered) opens as a new episode.
 */
export async function joinGroups(
  tx: Prisma.TransactionClient,
  input: {
    teamId: string;
    alert: { id: string; kind: string };
    cause: GroupCause;
    notice: AlertNotice;
    targets: GroupTarget[];
    timing: GroupTiming;
    now: Date;
  },
): Promise<GroupDue[]> {
  const { alert, cause, now } = input;
  const due: GroupDue[] = [];
  for (const target of input.targets) {
    const [row] = await tx.$queryRaw<{ id: string; closedAt: Date | null }[]>`
      INSERT INTO notification_groups (id, team_id, channel, recipient, webhook_id, key, kind, cause)
      VALUES (${uuidv7()}::uuid, ${input.teamId}::uuid, ${target.channel}::"NotificationChannel",
              ${target.recipient}, ${target.webhookId}::uuid, ${cause.key}, ${alert.kind}::"AlertKind", ${cause.label})
      ON CONFLICT (team_id, channel, recipient, key) DO UPDATE SET cause = EXCLUDED.cause
      RETURNING id, closed_at AS "closedAt"`;
    const groupId = row!.id;
    if (row!.closedAt) {
      await tx.notificationGroupMember.deleteMany({ where: { groupId } });
      await tx.notificationGroup.update({
        where: { id: groupId },
        data: { episode: { increment: 1 }, firstSentAt: null, lastSentAt: null, closedAt: null },
      });
    }
    const fresh = {
      joinedAt: now,
      opened: input.notice as unknown as Prisma.InputJsonValue,
      resolved: Prisma.DbNull,
      announcedAt: null,
      recoveryAnnouncedAt: null,
    };
    await tx.notificationGroupMember.upsert({
      where: { groupId_alertId: { groupId, alertId: alert.id } },
      create: { groupId, alertId: alert.id, ...fresh },
      update: fresh,
    });
    const group = await tx.notificationGroup.findUniqueOrThrow({ where: { id: groupId } });
    due.push(...(await reschedule(tx, group, input.timing, now)));
  }
  return due;
}

/**
 * An alert resolved: its open groups keep the resolved notice and plan again (a recovery is
 * counted in the group's next message; one never listed is never mentioned). Null when the alert
 * is in no open group.
 */
export async function leaveGroups(
  tx: Prisma.TransactionClient,
  input: { alertId: string; notice: AlertNotice; timing: GroupTiming; now: Date },
): Promise<GroupDue[] | null> {
  const memberships = await tx.notificationGroupMember.findMany({
    where: { alertId: input.alertId, group: { closedAt: null } },
    select: { groupId: true },
    orderBy: { groupId: "asc" },
  });
  if (!memberships.length) return null;
  const due: GroupDue[] = [];
  for (const { groupId } of memberships) {
    await tx.$queryRaw`SELECT id FROM notification_groups WHERE id = ${groupId}::uuid FOR UPDATE`;
    await tx.notificationGroupMember.update({
      where: { groupId_alertId: { groupId, alertId: input.alertId } },
      data: { resolved: input.notice as unknown as Prisma.InputJsonValue },
    });
    const group = await tx.notificationGroup.findUniqueOrThrow({ where: { id: groupId } });
    due.push(...(await reschedule(tx, group, input.timing, input.now)));
  }
  return due;
}
