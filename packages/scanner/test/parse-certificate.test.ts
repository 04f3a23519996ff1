import { createChain } from "@port443/testing";
import { describe, expect, it } from "vitest";
import { parseCertificate, safeVerify } from "../src/certificate";

describe("parseCertificate", () => {
  it("parses a certificate once however often it is met, keeping its own copy of the DER", async () => {
    const { intermediate, leaf } = await createChain();
    // A view into a larger buffer, as the wire reader hands out; the caller may reuse it.
    const view = Buffer.concat([Buffer.alloc(8), leaf.der]).subarray(8);
    const first = parseCertificate(view);
    expect(parseCertificate(Buffer.from(leaf.der))).toBe(first);
    view.fill(0);
    expect(first.der.equals(leaf.der)).toBe(true);
    expect(first.info(new Date()).subject).toBe("CN=leaf.test");

    const issuer = parseCertificate(intermediate.der);
    expect(safeVerify(first.x509, issuer.x509)).toBe(true);
    expect(safeVerify(issuer.x509, first.x509)).toBe(false);
    // The verdicts are remembered per pair, not per certificate.
    expect(safeVerify(first.x509, issuer.x509)).toBe(true);
    expect(safeVerify(issuer.x509, first.x509)).toBe(false);
  });
});
