import { describe, expect, it } from "vitest";
import { groupCause } from "../src/groups/cause";

const context = { address: "203.0.113.7", certificate: "aa".repeat(32), intermediate: "bb".repeat(32) };

describe("groupCause", () => {
  it("groups failing scans and grade drops by address, whatever the domain", () => {
    expect(groupCause({ kind: "scan_failing", key: "scan_failing" }, context)).toEqual({
      key: "scan_failing@203.0.113.7",
      label: "address 203.0.113.7",
    });
    expect(groupCause({ kind: "grade_drop", key: "grade_drop:A" }, { ...context, address: null }).key).toBe(
      "grade_drop:A@unresolved",
    );
  });

  it("groups certificate alerts by the fingerprint their key already carries", () => {
    const key = `expiry:7:${"cc".repeat(32)}`;
    expect(groupCause({ kind: "expiry", key }, context)).toEqual({
      key,
      label: `certificate ${"cc".repeat(8)}…`,
    });
  });

  it("groups intermediate expiry by the intermediate, revocation by the certificate, other findings by id", () => {
    expect(groupCause({ kind: "weak_config", key: "weak:cert.intermediate_expiring" }, context).key).toBe(
      `weak:cert.intermediate_expiring@${"bb".repeat(32)}`,
    );
    expect(groupCause({ kind: "trust", key: "trust:cert.revoked" }, context).key).toBe(
      `trust:cert.revoked@${"aa".repeat(32)}`,
    );
    expect(groupCause({ kind: "weak_config", key: "weak:proto.tls1_0" }, context)).toEqual({
      key: "weak:proto.tls1_0",
      label: "finding proto.tls1_0",
    });
  });
});
