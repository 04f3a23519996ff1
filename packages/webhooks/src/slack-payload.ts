import type { WebhookNotice } from "./notice";
import { fitLines, mrkdwn, slackLimits, truncate } from "./slack-text";

type Severity = WebhookNotice["severity"];

const severityEmoji: Record<Severity, string> = {
  info: ":information_source:",
  low: ":large_blue_circle:",
  medium: ":large_yellow_circle:",
  high: ":large_orange_circle:",
  critical: ":red_circle:",
};

const severityLabel: Record<Severity, string> = {
  info: "Info",
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

const eventLabel: Record<WebhookNotice["event"], string> = {
  opened: "Alert",
  resolved: "Resolved",
  test: "Test",
};

/** A chat message is a summary: past this the dashboard link has the rest. */
const findingsListed = 10;
const findingLineChars = 300;

interface PlainText {
  type: "plain_text";
  text: string;
  emoji: true;
}
interface Mrkdwn {
  type: "mrkdwn";
  text: string;
}

export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text?: Mrkdwn; fields?: Mrkdwn[] }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "actions"; elements: { type: "button"; text: PlainText; url: string }[] };

export interface SlackPayload {
  /** Shown in notifications and by clients that cannot render blocks. */
  text: string;
  blocks: SlackBlock[];
}

const plain = (text: string, max: number): PlainText => ({
  type: "plain_text",
  text: truncate(text, max),
  emoji: true,
});
const markdown = (text: string): Mrkdwn => ({ type: "mrkdwn", text });
const field = (label: string, value: string) =>
  markdown(`*${label}*\n${mrkdwn(value, slackLimits.fieldText - label.length - 3)}`);

const formatUtc = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;

function daysLeft(days: number): string {
  if (days >= 0) return `${days}`;
  return `expired ${-days} day${days === -1 ? "" : "s"} ago`;
}

function gradeText({ current, previous }: NonNullable<WebhookNotice["grade"]>): string | undefined {
  if (previous && previous !== current) return `${previous} → ${current ?? "none"}`;
  return current ?? undefined;
}

function detailFields(notice: WebhookNotice): Mrkdwn[] {
  const { certificate, grade, failures } = notice;
  const rows: Array<[string, string | null | undefined]> = [
    ["Host", `${notice.domain.hostname}:${notice.domain.port}`],
    ["Severity", `${severityEmoji[notice.severity]} ${severityLabel[notice.severity]}`],
    ["Days left", certificate?.daysRemaining == null ? null : daysLeft(certificate.daysRemaining)],
    ["Expires", certificate?.notAfter ? formatUtc(certificate.notAfter) : null],
    ["Issuer", certificate?.issuer],
    ["Grade", grade && gradeText(grade)],
    ["Failed scans", failures ? `${failures.count}` : null],
    ["Last error", failures?.lastError],
  ];
  return rows.flatMap(([label, value]) => (value ? [field(label, value)] : []));
}

function findingsText(findings: WebhookNotice["findings"]): string {
  const heading = `*Findings (${findings.length})*\n`;
  const lines = findings.map((finding) =>
    mrkdwn(`• ${severityEmoji[finding.severity]} ${finding.title}: ${finding.remediation}`, findingLineChars),
  );
  const list = fitLines(
    lines,
    { chars: slackLimits.sectionText - heading.length, lines: findingsListed },
    (omitted) => `…and ${omitted} more on the dashboard`,
  );
  return heading + list;
}

/** A Slack incoming-webhook message; the blocks used stay far below Slack's 50-block limit. */
export function formatSlackPayload(notice: WebhookNotice): SlackPayload {
  const emoji = notice.event === "resolved" ? ":white_check_mark:" : severityEmoji[notice.severity];
  const label = eventLabel[notice.event];
  const host = `${notice.domain.hostname}:${notice.domain.port}`;
  const blocks: SlackBlock[] = [
    { type: "header", text: plain(`${emoji} ${notice.title}`, slackLimits.headerText) },
    {
      type: "section",
      ...(notice.detail ? { text: markdown(mrkdwn(notice.detail, slackLimits.sectionText)) } : {}),
      fields: detailFields(notice),
    },
  ];
  if (notice.findings.length > 0)
    blocks.push({ type: "section", text: markdown(findingsText(notice.findings)) });
  blocks.push(
    {
      type: "context",
      elements: [
        markdown(
          mrkdwn(`${label} · ${notice.team.name} · ${formatUtc(notice.occurredAt)}`, slackLimits.contextText),
        ),
      ],
    },
    {
      type: "actions",
      elements: [
        { type: "button", text: plain("Open in Port443", slackLimits.buttonText), url: notice.domain.url },
      ],
    },
  );
  return { text: mrkdwn(`${emoji} ${label}: ${notice.title} (${host})`, slackLimits.sectionText), blocks };
}
