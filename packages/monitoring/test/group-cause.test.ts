import { describe, expect, it } from "vitest";
import { groupCause, revokedIntermediate } from "../src/groups/cause";

const context = {
  address: "203.0.113.7",
  certificate: "aa".repeat(32),
  intermediate: "bb".repeat(32),
  revokedIntermediate: null,
};

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

  it("groups intermediate expiry by the intermediate, a revoked leaf by the certificate, other findings by id", () => {
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

  it("groups a revoked intermediate by the intermediate, so domains with different leaves share one group", () => {
    const revoked = { ...context, revokedIntermediate: "dd".repeat(32) };
    const leaves = ["aa", "ee"].map((leaf) =>
      groupCause({ kind: "trust", key: "trust:cert.revoked" }, { ...revoked, certificate: leaf.repeat(32) }),
    );
    expect(leaves[0]).toEqual({
      key: `trust:cert.revoked@${"dd".repeat(32)}`,
      label: `intermediate certificate ${"dd".repeat(8)}…`,
    });
    expect(leaves[1]).toEqual(leaves[0]);
  });

  it("finds the revoked intermediate among the chain's certificates after the leaf, by the CRL check's subject", () => {
    const chain = [
      { subject: "CN=shop.example", fingerprintSha256: "aa".repeat(32) },
      { subject: "CN=Issuing CA", fingerprintSha256: "bb".repeat(32) },
      { subject: "CN=Policy CA", fingerprintSha256: "cc".repeat(32) },
    ];
    const check = (certificate: string, outcome: string) => ({ certificate, outcome });
    expect(
      revokedIntermediate(chain, [check("CN=shop.example", "good"), check("CN=Policy CA", "revoked")]),
    ).toBe("cc".repeat(32));
    // The leaf's own revocation, or an intermediate that is fine, is no intermediate's revocation.
    expect(
      revokedIntermediate(chain, [check("CN=shop.example", "revoked"), check("CN=Issuing CA", "good")]),
    ).toBeNull();
    expect(revokedIntermediate(chain, [])).toBeNull();
  });
});
