import { describe, expect, it } from "vitest";
import { webhookNoticeSchema } from "../src/notice";
import { makeNotice } from "./fixtures";

describe("webhookNoticeSchema", () => {
  it("round-trips a notice through JSON", () => {
    const notice = makeNotice();
    expect(webhookNoticeSchema.parse(JSON.parse(JSON.stringify(notice)))).toEqual(notice);
  });

  it.each([
    ["an unknown event", { event: "digest" }],
    ["an unknown kind", { kind: "dns" }],
    ["a non-ISO time", { occurredAt: "yesterday" }],
    ["a port out of range", { domain: { hostname: "a.example", port: 70_000, url: "https://x.test/d" } }],
    [
      "a non-web dashboard link",
      { domain: { hostname: "a.example", port: 443, url: "javascript:alert(1)" } },
    ],
  ])("rejects %s", (_label, override) => {
    expect(webhookNoticeSchema.safeParse({ ...makeNotice(), ...override }).success).toBe(false);
  });
});
