import { X509Certificate } from "node:crypto";
import { issueCert } from "@port443/testing";
import { describe, expect, it } from "vitest";
import { DerError, formatIp, readTlv } from "../src/der";
import { readX509Fields } from "../src/x509-fields";

describe("readX509Fields", () => {
  it("reads names, AIA, CA flag, SCT presence and the signature algorithm", async () => {
    const ca = await issueCert({ subject: "CN=Fields CA", ca: true, key: { type: "rsa", bits: 2048 } });
    const leaf = await issueCert({
      subject: "CN=fields.test",
      issuer: ca,
      dnsNames: ["Fields.Test", "*.fields.test"],
      ipAddresses: ["192.0.2.7", "2001:db8::1"],
      aiaCaIssuers: "http://ca.fields.test/ca.cer",
      ocspUrl: "http://ocsp.fields.test/",
      sct: true,
      signatureHash: "sha1",
      serialNumber: "00c0ffee",
    });
    const fields = readX509Fields(leaf.der);
    expect(fields.dnsNames).toEqual(["fields.test", "*.fields.test"]);
    expect(fields.ipAddresses).toEqual(["192.0.2.7", "2001:db8::1"]);
    expect(fields.aiaCaIssuers).toEqual(["http://ca.fields.test/ca.cer"]);
    expect(fields.ocspUrls).toEqual(["http://ocsp.fields.test/"]);
    expect(fields.isCa).toBe(false);
    expect(fields.hasSct).toBe(true);
    expect(fields.signatureOid).toBe("1.2.840.113549.1.1.5");
    expect(fields.serial.toString("hex").replace(/^0+/, "")).toBe(
      new X509Certificate(leaf.der).serialNumber.toLowerCase().replace(/^0+/, ""),
    );
    const caFields = readX509Fields(ca.der);
    expect(caFields.isCa).toBe(true);
    expect(caFields.hasSct).toBe(false);
    expect(caFields.dnsNames).toEqual([]);
  });

  it("refuses truncated or inconsistent DER instead of reading past it", async () => {
    const leaf = await issueCert({ subject: "CN=short.test", dnsNames: ["short.test"] });
    expect(() => readX509Fields(leaf.der.subarray(0, leaf.der.length - 10))).toThrow(DerError);
    expect(() => readTlv(Buffer.from([0x30, 0x85, 1, 2, 3, 4, 5]), 0)).toThrow(DerError);
    expect(() => readX509Fields(Buffer.from([0x30, 0x00]))).toThrow();
  });
});

describe("formatIp", () => {
  it.each([
    ["c0000207", "192.0.2.7"],
    ["20010db8000000000000000000000001", "2001:db8::1"],
    ["00000000000000000000000000000001", "::1"],
    ["20010db8000000010000000000000000", "2001:db8:0:1::"],
    ["20010db8000100020003000400050006", "2001:db8:1:2:3:4:5:6"],
  ])("%s → %s", (hex, expected) => {
    expect(formatIp(Buffer.from(hex, "hex"))).toBe(expected);
  });
});
