import { describe, expect, it } from "vitest";
import { formatGenericPayload } from "../src/generic-payload";
import { makeNotice } from "./fixtures";

describe("formatGenericPayload", () => {
  it("wraps the notice in a versioned envelope keyed by the delivery id", () => {
    const payload = formatGenericPayload(makeNotice(), { deliveryId: "dlv_01" });
    expect(payload).toMatchObject({
      version: 1,
      id: "dlv_01",
      type: "alert.opened",
      kind: "expiry",
      severity: "high",
      occurredAt: "2031-03-02T08:15:00.000Z",
      team: { name: "Acme Ops" },
      domain: { hostname: "shop.example.com", port: 8443, url: "https://app.port443.test/domains/d-42" },
      certificate: {
        daysRemaining: 12,
        notAfter: "2031-03-14T23:59:59.000Z",
        issuer: "CN=R11, O=Let's Encrypt, C=US",
      },
      grade: { current: "B", previous: "A" },
    });
    expect(payload.findings.map((finding) => finding.title)).toEqual([
      "Certificate expires soon",
      "TLS 1.0 enabled",
    ]);
    expect(payload).not.toHaveProperty("event");
  });

  it.each([
    ["opened", "alert.opened"],
    ["resolved", "alert.resolved"],
    ["test", "test"],
  ] as const)("types a %s notice as %s", (event, type) => {
    expect(formatGenericPayload(makeNotice({ event }), { deliveryId: "d" }).type).toBe(type);
  });

  it("survives a JSON round trip unchanged (nulls included)", () => {
    const payload = formatGenericPayload(makeNotice({ certificate: null, grade: null, findings: [] }), {
      deliveryId: "d",
    });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    expect(payload.certificate).toBeNull();
  });
});
