import type { Alert, Domain, NotificationChannel, Prisma, Team } from "@port443/db";
import type { AlertNotice } from "@port443/notice";
import type { ScanReport } from "@port443/scanner";
import { buildNotice, type NoticeContext } from "../notices/build";
import type { EffectivePolicy } from "../policy";
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

async function writeOutbox(
  tx: Prisma.TransactionClient,
  alertId: string,
  teamId: string,
  notice: AlertNotice,
  channels: Channels,
): Promise<OutboxRow[]> {
  const payload = notice as unknown as Prisma.InputJsonValue;
  const rows = [
    ...channels.emails.map((email) => ({ channel: "email" as const, recipient: email, webhookId: null })),
    ...channels.webhooks.map((webhook) => ({
      channel: "webhook" as const,
      recipient: webhook.url,
      webhookId: webhook.id,
    })),
  ];
  if (!rows.length) return [];
  const created = await tx.notification.createManyAndReturn({
    data: rows.map((row) => ({
      ...row,
      teamId,
      alertId,
      event: notice.event,
      payload,
      state: row.channel === "email" && channels.holdEmails ? ("held" as const) : ("pending" as const),
    })),
    select: { id: true, channel: true, state: true },
  });
  return created.filter((row) => row.state === "pending").map(({ id, channel }) => ({ id, channel }));
}

/**
 * Applies a plan: opens, reopens and resolves alerts, and writes one outbox row per recipient and
 * webhook for every notice due. While the domain is muted alerts still open and resolve, but
 * stay "open" (un-notified); the first scan after the mute notifies those still active.
 */
export async function applyAlertPlan(tx: Prisma.TransactionClient, input: ApplyInput): Promise<OutboxRow[]> {
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

  let channels: Channels | undefined;
  const outbox = async (alertId: string, notice: AlertNotice) => {
    channels ??= await channelsFor(tx, domain.teamId, input.policy);
    return writeOutbox(tx, alertId, domain.teamId, notice, channels);
  };
  const ids: OutboxRow[] = [];
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
    if (!muted) ids.push(...(await outbox(alert.id, noticeFor(draft, "opened"))));
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
    if (!muted) ids.push(...(await outbox(id, noticeFor(draft, "opened"))));
  }
  for (const { id, notify } of plan.resolve) {
    const alert = await tx.alert.update({ where: { id }, data: { state: "resolved", resolvedAt: now } });
    if (notify && !muted) ids.push(...(await outbox(id, noticeFor(alert, "resolved"))));
  }
  // Only an alert that was open (un-notified, from a mute) before this plan can be waiting.
  if (!muted && input.existing.some((alert) => alert.state === "open")) {
    const resolving = new Set(plan.resolve.map((entry) => entry.id));
    const pending = await tx.alert.findMany({ where: { domainId: domain.id, state: "open" } });
    for (const alert of pending.filter((candidate) => !resolving.has(candidate.id))) {
      await tx.alert.update({ where: { id: alert.id }, data: { state: "notified", notifiedAt: now } });
      ids.push(...(await outbox(alert.id, noticeFor(alert, "opened"))));
    }
  }
  return ids;
}
