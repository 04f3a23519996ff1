/** The policy's grouping timings (Alertmanager's group_wait, group_interval, repeat_interval). */
export interface GroupTiming {
  groupWaitMs: number;
  groupIntervalMs: number;
  /** null: an open group is never reminded. */
  repeatIntervalMs: number | null;
}

/** One alert of a group as its delivery sees it. */
export interface GroupMember {
  alertId: string;
  joinedAt: Date;
  /** The alert has not resolved. */
  active: boolean;
  /** Someone is on it (the dashboard acknowledged it): no reminder is about it. */
  acknowledged: boolean;
  /** Listed in a message already. */
  announced: boolean;
  /** Its recovery was counted in a message already. */
  recoveryAnnounced: boolean;
  /** Expired, revoked and the like: never waits longer than the group wait. */
  critical: boolean;
  /** Its domain's mute: the member is not listed before then. */
  mutedUntil: Date | null;
}

export interface GroupSnapshot {
  firstSentAt: Date | null;
  lastSentAt: Date | null;
  members: GroupMember[];
}

export interface GroupMessage {
  /** opened: the group's first message; more: domains joined; recovered: some (or all) recovered; reminder: still open. */
  type: "opened" | "more" | "recovered" | "reminder";
  /** Alerts this message lists for the first time. */
  announce: string[];
  /** Alerts whose recovery this message counts for the first time. */
  recover: string[];
  /** No alert of the group is still active once this message is sent: the group closes. */
  allRecovered: boolean;
}

export interface GroupDeliveryPlan {
  /** When the next message is due; null when there is nothing to send. */
  dueAt: Date | null;
  /** What to send now (dueAt has come), or null. */
  message: GroupMessage | null;
}

const at = (ms: number) => new Date(ms);
const readyAt = (member: GroupMember) =>
  Math.max(member.joinedAt.getTime(), member.mutedUntil?.getTime() ?? 0);

/** When pending work is due: additions and recoveries at most every group interval, criticals within the group wait. */
function dueTime(
  group: GroupSnapshot,
  additions: GroupMember[],
  recoveries: GroupMember[],
  timing: GroupTiming,
) {
  const ready = [...additions.map(readyAt), ...recoveries.map(() => 0)];
  if (group.lastSentAt === null) {
    return additions.length ? Math.min(...additions.map(readyAt)) + timing.groupWaitMs : null;
  }
  if (ready.length) {
    const interval = Math.max(Math.min(...ready), group.lastSentAt.getTime() + timing.groupIntervalMs);
    const critical = additions
      .filter((member) => member.critical)
      .map((member) => readyAt(member) + timing.groupWaitMs);
    return Math.min(interval, ...critical);
  }
  // A reminder is for what nobody has taken on: a group whose open alerts are all acknowledged waits quietly.
  const stillOpen = group.members.some((member) => member.active && member.announced && !member.acknowledged);
  return stillOpen && timing.repeatIntervalMs !== null
    ? group.lastSentAt.getTime() + timing.repeatIntervalMs
    : null;
}

/**
 * When a group's next message is due and, once it is, what it says. Pure: the flush applies it
 * in the transaction that writes the message's outbox row, then asks again for the next due time.
 * Alerts that resolve before any message listed them are never mentioned; muted ones wait for
 * their mute to end.
 */
export function planGroupDelivery(group: GroupSnapshot, now: Date, timing: GroupTiming): GroupDeliveryPlan {
  const additions = group.members.filter((member) => member.active && !member.announced);
  const recoveries = group.members.filter(
    (member) => !member.active && member.announced && !member.recoveryAnnounced,
  );
  const due = dueTime(group, additions, recoveries, timing);
  if (due === null) return { dueAt: null, message: null };
  if (due > now.getTime()) return { dueAt: at(due), message: null };
  const announce = additions
    .filter((member) => readyAt(member) <= now.getTime())
    .map((member) => member.alertId);
  const recover = recoveries.map((member) => member.alertId);
  const listed = new Set(announce);
  const allRecovered = !group.members.some(
    (member) => member.active && (member.announced || listed.has(member.alertId)),
  );
  const type =
    group.firstSentAt === null
      ? "opened"
      : announce.length
        ? "more"
        : recover.length
          ? "recovered"
          : "reminder";
  return { dueAt: at(due), message: { type, announce, recover, allRecovered } };
}
