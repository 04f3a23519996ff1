import { describe, expect, it } from "vitest";
import { outboundPolicies } from "../src/outbound-policies";

describe("outboundPolicies", () => {
  it("opens the scan allow-list for monitored scans only, and the webhook allow-list for webhooks only", () => {
    const policies = outboundPolicies({
      scanAllowlist: ["10.20.0.0/16"],
      webhookAllowlist: ["10.30.0.0/16"],
    });
    expect(policies.monitoredScans.check("10.20.1.1")).toEqual({ allowed: true });
    expect(policies.strict.check("10.20.1.1")).toMatchObject({ allowed: false, kind: "private" });
    expect(policies.webhooks.check("10.20.1.1")).toMatchObject({ allowed: false, kind: "private" });
    expect(policies.webhooks.check("10.30.1.1")).toEqual({ allowed: true });
    expect(policies.monitoredScans.check("10.30.1.1").allowed).toBe(false);
    expect(policies.strict.check("10.30.1.1").allowed).toBe(false);
  });

  it("refuses private ranges everywhere without allow-lists, and public addresses pass", () => {
    const policies = outboundPolicies({});
    for (const policy of Object.values(policies)) {
      expect(policy.check("192.168.1.1").allowed).toBe(false);
      expect(policy.check("169.254.169.254").allowed).toBe(false);
      expect(policy.check("8.8.8.8")).toEqual({ allowed: true });
    }
  });

  it("allowPrivate (development and tests) opens every policy", () => {
    const policies = outboundPolicies({ allowPrivate: true });
    for (const policy of Object.values(policies))
      expect(policy.check("127.0.0.1")).toEqual({ allowed: true });
  });
});
