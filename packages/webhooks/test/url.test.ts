import { describe, expect, it } from "vitest";
import { webhookUrlSchema } from "../src/url";

describe("webhookUrlSchema", () => {
  it.each([
    "https://hooks.slack.com/services/T000/B000/XXXX",
    "http://10.1.2.3:8080/port443?token=abc",
    "https://[2001:db8::1]/hook",
    `https://example.com/${"a".repeat(2028)}`,
  ])("accepts %s", (url) => {
    expect(webhookUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    ["ftp://example.com/hook", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["http:example.com", "missing //"],
    ["https://user:secret@example.com/hook", "credentials"],
    ["https://user@example.com/hook", "user name"],
    ["not a url", "unparseable"],
    ["", "empty"],
    [`https://example.com/${"a".repeat(2029)}`, "2049 characters"],
  ])("rejects %s (%s)", (url) => {
    expect(webhookUrlSchema.safeParse(url).success).toBe(false);
  });
});
