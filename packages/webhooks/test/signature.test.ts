import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "../src/signature";

const secret = "whsec_test";
const body = '{"version":1,"id":"d-1"}';
const t = 1_900_000_000;

describe("signPayload", () => {
  it("is Stripe-style t=<seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signPayload(secret, body, t)).toBe(`t=${t},v1=${expected}`);
  });

  it("signs bytes and strings alike", () => {
    expect(signPayload(secret, Buffer.from(body), t)).toBe(signPayload(secret, body, t));
  });
});

describe("verifySignature", () => {
  const header = signPayload(secret, body, t);

  it("accepts the body it signed, within tolerance either way", () => {
    expect(verifySignature(secret, body, header, { now: t })).toBe(true);
    expect(verifySignature(secret, body, header, { now: t + 300 })).toBe(true);
    expect(verifySignature(secret, body, header, { now: t - 300 })).toBe(true);
    expect(verifySignature(secret, Buffer.from(body), header, { now: t })).toBe(true);
  });

  it("rejects a tampered body or a wrong secret", () => {
    expect(verifySignature(secret, body.replace("d-1", "d-2"), header, { now: t })).toBe(false);
    expect(verifySignature(secret, `${body} `, header, { now: t })).toBe(false);
    expect(verifySignature("whsec_other", body, header, { now: t })).toBe(false);
  });

  it("rejects stale and future timestamps (replay)", () => {
    expect(verifySignature(secret, body, header, { now: t + 301 })).toBe(false);
    expect(verifySignature(secret, body, header, { now: t - 301 })).toBe(false);
    expect(verifySignature(secret, body, header, { now: t + 30, toleranceSeconds: 10 })).toBe(false);
  });

  it("rejects a signature moved to another timestamp", () => {
    const v1 = header.split("v1=")[1];
    expect(verifySignature(secret, body, `t=${t + 1},v1=${v1}`, { now: t })).toBe(false);
  });

  it("accepts any matching v1, so secrets can be rotated", () => {
    const old = signPayload("whsec_old", body, t).split(",")[1];
    expect(verifySignature(secret, body, `${header},${old}`, { now: t })).toBe(true);
    expect(verifySignature("whsec_old", body, `${header},${old}`, { now: t })).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["no timestamp", header.split(",")[1]!],
    ["no signature", `t=${t}`],
    ["two timestamps", `t=${t},${header}`],
    ["non-numeric timestamp", header.replace(`t=${t}`, "t=abc")],
    ["short signature", header.slice(0, -2)],
    ["non-hex signature", `${header.slice(0, -1)}z`],
  ])("rejects a malformed header (%s)", (_label, malformed) => {
    expect(verifySignature(secret, body, malformed, { now: t })).toBe(false);
  });

  it("defaults to the clock", () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(secret, body, signPayload(secret, body, now))).toBe(true);
    expect(verifySignature(secret, body, signPayload(secret, body, now - 3600))).toBe(false);
  });
});
