import { describe, expect, it } from "vitest";
import type { WebhookNotice } from "../src/notice";
import { formatSlackPayload, type SlackBlock } from "../src/slack-payload";
import { makeNotice } from "./fixtures";

type Section = Extract<SlackBlock, { type: "section" }>;

const sections = (blocks: SlackBlock[]) =>
  blocks.filter((block): block is Section => block.type === "section");
const fieldTexts = (blocks: SlackBlock[]) =>
  sections(blocks).flatMap((block) => block.fields?.map((field) => field.text) ?? []);
const findingsSection = (blocks: SlackBlock[]) =>
  sections(blocks).find((block) => block.text?.text.startsWith("*Findings"));

function manyFindings(count: number): WebhookNotice["findings"] {
  return Array.from({ length: count }, (_, index) => ({
    id: `rule.${index}`,
    title: `Finding number ${index}`,
    severity: "medium" as const,
    remediation: "Change the server configuration so that this finding no longer applies. ".repeat(3),
  }));
}

/** Every text in the message with the limit Slack enforces for it. */
function limitedTexts(blocks: SlackBlock[]): Array<[string, number]> {
  return blocks.flatMap((block): Array<[string, number]> => {
    if (block.type === "header") return [[block.text.text, 150]];
    if (block.type === "context") return block.elements.map((element) => [element.text, 3000]);
    if (block.type === "actions") return block.elements.map((element) => [element.text.text, 75]);
    return [
      ...(block.text ? [[block.text.text, 3000] as [string, number]] : []),
      ...(block.fields ?? []).map((field): [string, number] => [field.text, 2000]),
    ];
  });
}

describe("formatSlackPayload", () => {
  it("has a fallback text and a header, a fields section, findings and a dashboard button", () => {
    const { text, blocks } = formatSlackPayload(makeNotice());
    expect(text).toBe(
      ":large_orange_circle: Alert: Certificate for shop.example.com expires in 12 days (shop.example.com:8443)",
    );
    expect(blocks.map((block) => block.type)).toEqual(["header", "section", "section", "context", "actions"]);
    expect(blocks[0]).toEqual({
      type: "header",
      text: {
        type: "plain_text",
        text: ":large_orange_circle: Certificate for shop.example.com expires in 12 days",
        emoji: true,
      },
    });
    expect(fieldTexts(blocks)).toEqual([
      "*Host*\nshop.example.com:8443",
      "*Severity*\n:large_orange_circle: High",
      "*Days left*\n12",
      "*Expires*\n2031-03-14 23:59 UTC",
      "*Issuer*\nCN=R11, O=Let's Encrypt, C=US",
      "*Grade*\nA → B",
    ]);
    expect(findingsSection(blocks)?.text?.text).toBe(
      [
        "*Findings (2)*",
        "• :large_orange_circle: Certificate expires soon: Renew the certificate.",
        "• :large_yellow_circle: TLS 1.0 enabled: Disable TLS 1.0 and 1.1.",
      ].join("\n"),
    );
    expect(blocks.at(-1)).toEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "Open in Port443", emoji: true },
          url: "https://app.port443.test/domains/d-42",
        },
      ],
    });
  });

  it("marks resolved alerts and shows the severity emoji otherwise", () => {
    expect(formatSlackPayload(makeNotice({ event: "resolved" })).text).toMatch(
      /^:white_check_mark: Resolved:/,
    );
    expect(formatSlackPayload(makeNotice({ severity: "critical" })).text).toMatch(/^:red_circle: Alert:/);
    expect(formatSlackPayload(makeNotice({ event: "test", severity: "info" })).text).toMatch(
      /^:information_source: Test:/,
    );
  });

  it("leaves out what the notice does not have", () => {
    const { blocks } = formatSlackPayload(
      makeNotice({
        kind: "scan_failing",
        certificate: null,
        grade: null,
        findings: [],
        failures: { count: 3, lastError: "connect ECONNREFUSED" },
      }),
    );
    expect(fieldTexts(blocks)).toEqual([
      "*Host*\nshop.example.com:8443",
      "*Severity*\n:large_orange_circle: High",
      "*Failed scans*\n3",
      "*Last error*\nconnect ECONNREFUSED",
    ]);
    expect(findingsSection(blocks)).toBeUndefined();
  });

  it("words a past expiry as such", () => {
    const notice = makeNotice({ kind: "expired" });
    notice.certificate = { ...notice.certificate!, daysRemaining: -3 };
    expect(fieldTexts(formatSlackPayload(notice).blocks)).toContain("*Days left*\nexpired 3 days ago");
  });

  it("lists at most 10 of 100 findings and counts the rest", () => {
    const { blocks } = formatSlackPayload(makeNotice({ findings: manyFindings(100) }));
    const text = findingsSection(blocks)!.text!.text;
    const listed = text.split("\n").filter((line) => line.startsWith("• "));
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.startsWith("*Findings (100)*\n• :large_yellow_circle: Finding number 0: ")).toBe(true);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(10);
    expect(text.endsWith(`\n…and ${100 - listed.length} more on the dashboard`)).toBe(true);
    expect(blocks.length).toBeLessThanOrEqual(50);
  });

  it("fits 100 long findings into 3000 characters by listing fewer", () => {
    const findings = manyFindings(100).map((finding) => ({ ...finding, remediation: "x".repeat(5000) }));
    const text = findingsSection(formatSlackPayload(makeNotice({ findings })).blocks)!.text!.text;
    const listed = text.split("\n").filter((line) => line.startsWith("• "));
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((line) => line.length <= 300 && line.endsWith("…"))).toBe(true);
    expect(text).toContain(`…and ${100 - listed.length} more on the dashboard`);
  });

  it("keeps every text within Slack's limits when the notice is huge", () => {
    const huge = "y".repeat(10_000);
    const notice = makeNotice({
      title: huge,
      detail: huge,
      team: { name: huge },
      findings: manyFindings(500),
      failures: { count: 9, lastError: huge },
    });
    notice.certificate = { ...notice.certificate!, issuer: huge };
    const { text, blocks } = formatSlackPayload(notice);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(fieldTexts(blocks).length).toBeLessThanOrEqual(10);
    for (const [value, limit] of limitedTexts(blocks)) expect(value.length).toBeLessThanOrEqual(limit);
  });

  it("escapes mrkdwn control characters from untrusted fields", () => {
    const notice = makeNotice({ detail: "<!channel> see <https://evil.example|here> & more" });
    notice.certificate = { ...notice.certificate!, issuer: "CN=<!here>" };
    const { blocks } = formatSlackPayload(notice);
    expect(sections(blocks)[0]?.text?.text).toBe(
      "&lt;!channel&gt; see &lt;https://evil.example|here&gt; &amp; more",
    );
    expect(fieldTexts(blocks)).toContain("*Issuer*\nCN=&lt;!here&gt;");
    expect(JSON.stringify(blocks.slice(1))).not.toMatch(/<!/);
  });

  it("truncates escaped text without leaving half an entity or half a surrogate pair", () => {
    const angled = formatSlackPayload(makeNotice({ detail: "<".repeat(2000) })).blocks;
    expect(sections(angled)[0]?.text?.text).toMatch(/^(&lt;)+…$/);

    const emoji = formatSlackPayload(makeNotice({ title: "🔒".repeat(200) })).blocks[0];
    const header = emoji?.type === "header" ? emoji.text.text : "";
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.endsWith("…")).toBe(true);
    expect(header).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
