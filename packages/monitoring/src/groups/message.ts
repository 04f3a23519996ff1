import type { Severity } from "@port443/db";
import { type AlertNotice, type GroupNotice, severitySchema } from "@port443/notice";
import type { GroupMessage } from "./plan-delivery";
import type { LoadedMember } from "./store";

export interface GroupMessageInput {
  group: { id: string; episode: number; kind: GroupNotice["group"]["kind"]; cause: string };
  team: { name: string };
  publicUrl: string;
  now: Date;
  members: LoadedMember[];
  message: GroupMessage;
}

/** What one group message's outbox row holds. */
export interface GroupPayload {
  /** A notice about one domain renders as ever (with the group's id); several, as a group notice. */
  payload: AlertNotice | GroupNotice;
  /** The alert when the message is about one. */
  alertId: string | null;
  event: "opened" | "resolved";
}

const worst = (severities: Severity[]) =>
  severitySchema.options[
    Math.max(0, ...severities.map((severity) => severitySchema.options.indexOf(severity)))
  ]!;

/**
 * The message a group's flush sends. The domains it covers are those listed before or now; a
 * group that only ever had one domain sends that domain's own notice, so a lone alert reads as
 * it always did.
 */
export function buildGroupMessage(input: GroupMessageInput): GroupPayload {
  const { message, members, group } = input;
  const announce = new Set(message.announce);
  const recover = new Set(message.recover);
  // What this message adds comes first: a follow-up to a group of 300 names its new domains.
  const covered = members
    .filter((member) => member.announcedAt !== null || announce.has(member.alertId))
    .sort((a, b) => Number(announce.has(b.alertId)) - Number(announce.has(a.alertId)));
  const event = message.allRecovered ? "resolved" : "opened";
  const reference = { id: group.id, episode: group.episode };
  if (covered.length === 1) {
    const only = covered[0]!;
    const notice = (event === "resolved"
      ? (only.resolved ?? only.opened)
      : only.opened) as unknown as AlertNotice;
    return { payload: { ...notice, group: reference }, alertId: only.alertId, event };
  }
  const active = covered.filter((member) => member.alert.state !== "resolved");
  const domainsUrl = new URL("/domains", input.publicUrl);
  domainsUrl.searchParams.set("group", group.id);
  return {
    payload: {
      type: message.type,
      allRecovered: message.allRecovered,
      group: {
        ...reference,
        kind: group.kind,
        severity: worst((active.length ? active : covered).map((member) => member.alert.severity)),
        cause: group.cause,
      },
      occurredAt: input.now.toISOString(),
      team: input.team,
      domainsUrl: domainsUrl.toString(),
      domains: covered.map((member) => ({
        hostname: member.alert.domain.hostname,
        port: member.alert.domain.port,
        url: new URL(`/domains/${member.alert.domain.id}`, input.publicUrl).toString(),
        recovered: member.alert.state === "resolved",
        added: announce.has(member.alertId) || recover.has(member.alertId),
      })),
      sample: covered[0]!.opened as unknown as AlertNotice,
    },
    alertId: null,
    event,
  };
}
