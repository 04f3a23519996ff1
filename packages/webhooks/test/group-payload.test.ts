import type { GroupNotice } from "@port443/notice";
import { describe, expect, it } from "vitest";
import { formatGenericGroupPayload, formatSlackGroupPayload } from "../src/group-payload";
import type { SlackBlock } from "../src/slack-payload";
import { makeNotice } from "./fixtures";

const domainsUrl = "https://app.port443.test/domains?group=0193-group";

/** A certificate group of `count` domains (one wildcard certificate), `recovered` of them renewed. */
function group(count: number, overrides: Partial<GroupNotice> = {}, recovered = 0): GroupNotice {
  return {
    type: "opened",
    allRecovered: false,
    group: {
      id: "0193-group",
      episode: 2,
      kind: "expiry",
      severity: "high",
      cause: "certificate 5f3a9c01deadbeef…",
    },
    occurredAt: "2031-03-02T08:15:00.000Z",
    team: { name: "Acme Ops" },
    domainsUrl,
    domains: Array.from({ length: count }, (_, index) => ({
      hostname: `shop${index + 1}.example.com`,
      port: 443,
      url: `https://app.port443.test/domains/d-${index + 1}`,
      recovered: index < recovered,
      added: true,
    })),
    sample: { ...makeNotice({ grade: null, failures: null }), event: "opened" },
    ...overrides,
  };
}

const texts = (blocks: SlackBlock[]) =>
  blocks.flatMap((block) =>
    block.type === "header" ? [block.text.text] : block.type === "section" ? [block.text?.text ?? ""] : [],
  );

describe("formatGenericGroupPayload", () => {
  it("carries every domain (not only the fifty an email lists), the group's id and episode, and the event", () => {
    const payload = formatGenericGroupPayload(group(120), { deliveryId: "n-1" });
    expect(payload).toMatchObject({
      version: 1,
      id: "n-1",
      type: "group.opened",
      summary: "120 domains",
      group: { id: "0193-group", episode: 2, kind: "expiry", cause: "certificate 5f3a9c01deadbeef…" },
      domainsUrl,
      team: { name: "Acme Ops" },
    });
    expect(payload.domains).toHaveLength(120);
    expect(payload.domains[119]).toMatchObject({ hostname: "shop120.example.com", port: 443 });
    expect(payload.sample.title).toBe("Certificate for shop.example.com expires in 12 days");
  });

  it("keeps the group id across its messages and names each message's event", () => {
    const more = group(5, { type: "more" });
    const some = group(5, { type: "recovered" }, 2);
    const all = group(5, { type: "recovered", allRecovered: true }, 5);
    const payloads = [group(3), more, some, all].map((notice, index) =>
      formatGenericGroupPayload(notice, { deliveryId: `n-${index}` }),
    );
    expect(payloads.map((payload) => payload.group.id)).toEqual(Array(4).fill("0193-group"));
    expect(payloads.map((payload) => payload.type)).toEqual([
      "group.opened",
      "group.more",
      "group.recovered",
      "group.resolved",
    ]);
    expect(payloads.map((payload) => payload.summary)).toEqual([
      "3 domains",
      "5 more domains",
      "2 of 5 domains recovered",
      "all 5 domains recovered",
    ]);
  });
});

describe("formatSlackGroupPayload", () => {
  it("heads the message with the headline and cause, lists twenty domains and counts the rest", () => {
    const { text, blocks } = formatSlackGroupPayload(group(25, {}, 1));
    expect(text).toBe(
      ":rotating_light: 25 domains share certificate 5f3a9c01deadbeef…: Certificate for shop.example.com expires in 12 days",
    );
    expect(blocks.map((block) => block.type)).toEqual(["header", "section", "section", "actions"]);
    const [header, , list] = texts(blocks);
    expect(header).toBe(":rotating_light: 25 domains share certificate 5f3a9c01deadbeef…");
    expect(list).toContain("• <https://app.port443.test/domains/d-1|shop1.example.com:443> (recovered)");
    expect(list).toContain("• <https://app.port443.test/domains/d-20|shop20.example.com:443>\n…and 5 more");
    expect(list).not.toContain("shop21.example.com");
    expect(blocks[3]).toMatchObject({ elements: [{ url: domainsUrl }] });
  });

  it("says all recovered with a check mark once the group closes", () => {
    const { blocks } = formatSlackGroupPayload(group(16, { type: "recovered", allRecovered: true }, 16));
    expect(texts(blocks)[0]).toBe(
      ":white_check_mark: all 16 domains recovered share certificate 5f3a9c01deadbeef…",
    );
  });
});
