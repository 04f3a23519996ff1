import { describe, expect, it } from "vitest";
import { alertNoticeSchema, InvalidNoticeError, renderAlertEmail } from "../src/index";
import { notice, tls10 } from "./fixtures";

/** What the outbox hands back: the notice after a JSON round trip. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("alertNoticeSchema", () => {
  it("accepts a notice read back from JSON", () => {
    const value = notice({ findings: [tls10], grade: { current: "B", previous: null } });
    expect(alertNoticeSchema.parse(stored(value))).toEqual(value);
  });

  it.each([
    ["a port out of range", { domain: { ...notice().domain, port: 70000 } }, "domain.port"],
    ["an unknown kind", { kind: "ocsp" }, "kind"],
    [
      "a non-web dashboard link",
      { domain: { ...notice().domain, url: "javascript:alert(1)" } },
      "domain.url",
    ],
    [
      "a hostname with a line break",
      { domain: { ...notice().domain, hostname: "a.example\r\nBcc: x" } },
      "domain.hostname",
    ],
    ["a date that is not ISO", { occurredAt: "yesterday" }, "occurredAt"],
    ["a finding without a title", { findings: [{ ...tls10, title: "" }] }, "findings.0.title"],
    [
      "fractional days",
      { certificate: { ...notice().certificate!, daysRemaining: 4.5 } },
      "certificate.daysRemaining",
    ],
  ])("rejects %s", (_name, change, path) => {
    const result = alertNoticeSchema.safeParse(stored({ ...notice(), ...change }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([path]);
  });

  it("reports missing fields by name", () => {
    const { failures: _failures, team: _team, ...partial } = notice();
    const paths = alertNoticeSchema.safeParse(partial).error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["team", "failures"]));
  });
});

describe("renderAlertEmail with a malformed notice", () => {
  it("rejects with an InvalidNoticeError naming each bad field", async () => {
    const bad = stored({ ...notice(), severity: "urgent", domain: { ...notice().domain, port: 0 } });
    const error = await renderAlertEmail(bad as ReturnType<typeof notice>).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidNoticeError);
    const message = (error as InvalidNoticeError).message;
    expect(message).toMatch(/^Invalid alert notice:/);
    expect(message).toMatch(/→ at severity/);
    expect(message).toMatch(/→ at domain\.port/);
    expect((error as InvalidNoticeError).issues).toHaveLength(2);
  });
});
