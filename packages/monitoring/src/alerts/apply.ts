import type { Alert, Domain, NotificationChannel, Prisma, Team } from "@port443/db";
import type { AlertNotice } from "@port443/notice";
import type { ScanReport } from "@port443/scanner";
import { type CauseContext, groupCause, revokedIntermediate } from "../groups/cause";
import { type GroupDue, type GroupTarget, joinGroups, leaveGroups } from "../groups/store";
import { buildNotice, type NoticeContext } from "../notices/build";
import { type EffectivePolicy, groupTiming } from "../policy";
import type { AlertDraft, AlertPlan } from "./plan";
import { mayReceiveAlerts, recipientStates } from "./recipients";

interface ApplyInput {
  plan: AlertPlan;
  /** The domain's alerts as read before planning (in the same transaction). */
  existing: Pick<Alert, "state">[];
  domain: Domain;
  team: Pick<Team, "id" | "name">;
  report: ScanReport | null;
  policy: EffectivePolicy;
  publicUrl: string;
  now: Date;
  context: Pick<NoticeContext, "grade" | "failures">;
  /** The address this scan reached (or tried), which failing scans of several domains may share. */
  address: string | null;
}

/** What applying a plan leaves to do after commit. */
export interface AppliedPlan {
  /** Outbox rows to enqueue now: held digests excepted, one-off notices. */
  outbox: OutboxRow[];
  /** Notification groups whose next message is due: flush them then. */
  groups: GroupDue[];
}

export interface OutboxRow {
  id: string;
  channel: NotificationChannel;
}

interface Channels {
  emails: string[];
  webhooks: { id: string; url: string }[];
  /** Daily digest: emails wait (state "held") for the digest job; webhooks still go at once. */
  holdEmails: boolean;
}

/**
 * The policy's recipients that may receive alerts (members, and others once they confirmed);
 * owners and admins when it names none, or none of those it names may receive them yet, so
 * alerts still reach someone while a new address awaits confirmation.
 */
async function channelsFor(
  tx: Prisma.TransactionClient,
  teamId: string,
  policy: EffectivePolicy,
): Promise<Channels> {
  const named = (await recipientStates(tx, teamId, policy.recipients))
    .filter(mayReceiveAlerts)
    .map((state) => state.email);
  const emails = named.length
    ? named
    : (
        await tx.member.findMany({
          where: { teamId, role: { in: ["owner", "admin"] } },
          select: { user: { select: { email: true } } },
        })
      ).map((member) => member.user.email);
  const webhooks = await tx.webhook.findMany({
    where: { teamId, enabled: true },
    select: { id: true, url: true },
  });
  return { emails, webhooks, holdEmails: policy.dailyDigest };
}

/** One outbox row per recipient and webhook: one-off notices, and emails held for the daily digest. */
async function writeOutbox(
  tx: Prisma.TransactionClient,
  alertId: string,
  teamId: string,
  notice: AlertNotice,
  targets: GroupTarget[],
  held: boolean,
): Promise<OutboxRow[]> {
  if (!targets.length) return [];
  const created = await tx.notification.createManyAndReturn({
    data: targets.map((target) => ({
      ...target,
      teamId,
      alertId,
      event: notice.event,
      payload: notice as unknown as Prisma.InputJsonValue,
      state: held ? ("held" as const) : ("pending" as const),
    })),
    select: { id: true, channel: true, state: true },
  });
  return created.filter((row) => row.state === "pending").map(({ id, channel }) => ({ id, channel }));
}

const targetsOf = (channels: Channels) => ({
  emails: channels.emails.map((email) => ({ channel: "email" as const, recipient: email, webhookId: null })),
  webhooks: channels.webhooks.map((webhook) => ({
    channel: "webhook" as const,
    recipient: webhook.url,
    webhookId: webhook.id,
  })),
});

/**
 * Applies a plan: opens, reopens and resolves alerts, and hands every notice due to the
 * notification group of its cause for each recipient and webhook (groupCause; the group's flush
 * writes one outbox row per message). One-off notices and emails held for the daily digest get
 * an outbox row each, as the digest groups those. While the domain is muted alerts still open and
 * resolve, but stay "open" (un-notified); the first scan after the mute notifies those still active.
 */
export async function applyAlertPlan(tx: Prisma.TransactionClient, input: ApplyInput): Promise<AppliedPlan> {
  const { plan, domain, report, now } = input;
  const muted = domain.mutedUntil !== null && domain.mutedUntil > now;
  const context: NoticeContext = {
    ...input.context,
    team: input.team,
    domain,
    publicUrl: input.publicUrl,
    now,
    certificate:
      report?.certificate ??
      (domain.notAfter && domain.fingerprint
        ? {
            notAfter: domain.notAfter.toISOString(),
            issuer: domain.issuer ?? "",
            subject: "",
            fingerprintSha256: domain.fingerprint,
          }
        : null),
  };
  const findingsFor = (key: string) =>
    report?.findings.filter((finding) => key.endsWith(`:${finding.id}`)) ?? [];
  const noticeFor = (
    alert: Pick<AlertDraft, "kind" | "severity" | "title" | "detail" | "key">,
    event: "opened" | "resolved",
  ) => buildNotice(alert, event, context, findingsFor(alert.key));

  const causeContext: CauseContext = {
    address: input.address,
    certificate: context.certificate?.fingerprintSha256 ?? null,
    intermediate: report?.chain[1]?.fingerprintSha256 ?? null,
    revokedIntermediate: report ? revokedIntermediate(report.chain, report.revocation.crls) : null,
  };
  const timing = groupTiming(input.policy);
  let channels: Channels | undefined;
  const ids: OutboxRow[] = [];
  const groups: GroupDue[] = [];
  const outbox = async (
    alert: { id: string; kind: AlertDraft["kind"]; key: string },
    notice: AlertNotice,
    oneShot = false,
  ) => {
    channels ??= await channelsFor(tx, domain.teamId, input.policy);
    const { emails, webhooks } = targetsOf(channels);
    if (oneShot) {
      // Opened and closed at once: nothing for a group to follow, so it goes out on its own.
      ids.push(...(await writeOutbox(tx, alert.id, domain.teamId, notice, [...emails, ...webhooks], false)));
      return;
    }
    const grouped = channels.holdEmails ? webhooks : [...emails, ...webhooks];
    if (channels.holdEmails)
      ids.push(...(await writeOutbox(tx, alert.id, domain.teamId, notice, emails, true)));
    if (notice.event === "resolved") {
      const left = await leaveGroups(tx, { alertId: alert.id, notice, timing, now });
      // An alert notified before grouping existed is in no group: its recovery goes out on its own.
      if (left) groups.push(...left);
      else ids.push(...(await writeOutbox(tx, alert.id, domain.teamId, notice, grouped, false)));
      return;
    }
    const cause = groupCause(alert, causeContext);
    groups.push(
      ...(await joinGroups(tx, {
        teamId: domain.teamId,
        alert,
        cause,
        notice,
        targets: grouped,
        timing,
        now,
      })),
    );
  };
  const notified = muted ? {} : { state: "notified" as const, notifiedAt: now };

  for (const draft of plan.open) {
    const alert = await tx.alert.create({
      data: {
        teamId: domain.teamId,
        domainId: domain.id,
        kind: draft.kind,
        key: draft.key,
        severity: draft.severity,
        title: draft.title,
        detail: draft.detail,
        fingerprint: draft.fingerprint,
        openedAt: now,
        ...notified,
        ...(draft.oneShot ? { state: "resolved" as const, resolvedAt: now } : {}),
      },
    });
    if (!muted) await outbox(alert, noticeFor(draft, "opened"), draft.oneShot);
  }
  for (const { id, draft } of plan.reopen) {
    await tx.alert.update({
      where: { id },
      data: {
        state: "open",
        severity: draft.severity,
        title: draft.title,
        detail: draft.detail,
        openedAt: now,
        acknowledgedAt: null,
        resolvedAt: null,
        notifiedAt: null,
        ...notified,
      },
    });
    if (!muted) await outbox({ id, ...draft }, noticeFor(draft, "opened"));
  }
  for (const { id, notify } of plan.resolve) {
    const alert = await tx.alert.update({ where: { id }, data: { state: "resolved", resolvedAt: now } });
    if (notify && !muted) await outbox(alert, noticeFor(alert, "resolved"));
  }
  // Only an alert that was open (un-notified, from a mute) before this plan can be waiting.
  if (!muted && input.existing.some((alert) => alert.state === "open")) {
    const resolving = new Set(plan.resolve.map((entry) => entry.id));
    const pending = await tx.alert.findMany({ where: { domainId: domain.id, state: "open" } });
    for (const alert of pending.filter((candidate) => !resolving.has(candidate.id))) {
      await tx.alert.update({ where: { id: alert.id }, data: { state: "notified", notifiedAt: now } });
      await outbox(alert, noticeFor(alert, "opened"));
    }
  }
  return { outbox: ids, groups };
}
