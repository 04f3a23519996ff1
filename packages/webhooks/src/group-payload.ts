import { type GroupNotice, groupHeadline } from "@port443/notice";
import type { SlackPayload } from "./slack-payload";
import { mrkdwn, slackLimits, truncate } from "./slack-text";

export type GroupEventType = `group.${GroupNotice["type"]}` | "group.resolved";

export const groupEventType = (notice: GroupNotice): GroupEventType =>
  notice.allRecovered ? "group.resolved" : `group.${notice.type}`;

/**
 * The body generic receivers get for a group of domains: every domain (not only the first fifty
 * an email lists) and `group.id`, the same on each of the group's messages, so a receiver updates
 * one incident instead of opening one per domain.
 */
export function formatGenericGroupPayload(notice: GroupNotice, options: { deliveryId: string }) {
  return {
    version: 1 as const,
    id: options.deliveryId,
    type: groupEventType(notice),
    summary: groupHeadline(notice),
    group: notice.group,
    occurredAt: notice.occurredAt,
    team: notice.team,
    domainsUrl: notice.domainsUrl,
    domains: notice.domains,
    sample: notice.sample,
  };
}

/** Slack: one message per group update, the headline, the cause and the first domains. */
export function formatSlackGroupPayload(notice: GroupNotice): SlackPayload {
  const emoji = notice.allRecovered ? ":white_check_mark:" : ":rotating_light:";
  const headline = `${emoji} ${groupHeadline(notice)} share ${notice.group.cause}`;
  const names = notice.domains
    .slice(0, 20)
    .map(
      (domain) =>
        `• <${domain.url}|${domain.hostname}:${domain.port}>${domain.recovered ? " (recovered)" : ""}`,
    );
  const rest = notice.domains.length - names.length;
  const list = [...names, ...(rest > 0 ? [`…and ${rest} more`] : [])].join("\n");
  return {
    text: mrkdwn(`${headline}: ${notice.sample.title}`, slackLimits.sectionText),
    blocks: [
      {
        type: "header",
        text: { type: "plain_text", text: truncate(headline, slackLimits.headerText), emoji: true },
      },
      {
        type: "section",
        text: { type: "mrkdwn", text: mrkdwn(notice.sample.title, slackLimits.sectionText) },
      },
      { type: "section", text: { type: "mrkdwn", text: truncate(list, slackLimits.sectionText) } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            text: { type: "plain_text", text: "Open in Port443", emoji: true },
            url: notice.domainsUrl,
          },
        ],
      },
    ],
  };
}
