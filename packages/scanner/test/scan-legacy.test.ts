import { createChain, type IssuedCert } from "@port443/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ProtocolId } from "../src/protocols";
import { scan } from "../src/scan";
import { type FakeServer, type FakeServerConfig, startFakeServer } from "./support/fake-server";
import { capReasons, findingIds, severityOf } from "./support/scan-case.ts";

/**
 * Configurations Node's OpenSSL cannot serve, from the raw-socket fake server: the scanner must
 * detect them from its own handshakes and still read the certificate.
 */
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
const open: FakeServer[] = [];
beforeAll(async () => {
  chain = await createChain({ leaf: { key: { type: "rsa", bits: 2048 } } });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function scanFake(
  config: Partial<FakeServerConfig> & { protocols: ProtocolId[]; ciphers: string[] },
  trust: IssuedCert = chain.root,
) {
  const server = await startFakeServer({
    honorServerOrder: true,
    certificateDer: [chain.leaf.der, chain.intermediate.der],
    ...config,
  });
  open.push(server);
  return scan({
    host: "leaf.test",
    address: "127.0.0.1",
    port: server.port,
    extraCaPems: [trust.pem],
    timeoutMs: 10_000,
  });
}

describe("legacy and broken configurations (fake server)", () => {
  it("SSL 2.0", async () => {
    // SSLv2 carries only the leaf: trust its issuer directly so the protocol decides the grade.
    const report = await scanFake(
      { protocols: ["sslv2"], ciphers: ["SSL_CK_RC4_128_WITH_MD5", "SSL_CK_DES_192_EDE3_CBC_WITH_MD5"] },
      chain.intermediate,
    );
    expect(report.error).toBeNull();
    expect(report.protocols.sslv2).toBe(true);
    expect(severityOf(report, "protocol.sslv2")).toBe("critical");
    expect(capReasons(report)).toContain("F: SSL 2.0 supported");
    expect(report.grade).toBe("F");
    expect(report.certificate?.subject).toBe("CN=leaf.test");
  });

  it("SSL 3.0 with RC4", async () => {
    const report = await scanFake({
      protocols: ["sslv3"],
      ciphers: ["TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"],
    });
    expect(report.protocols).toMatchObject({ sslv3: true, tls1_0: false, tls1_2: false });
    expect(report.ciphers.sslv3).toEqual(["TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"]);
    expect(severityOf(report, "protocol.sslv3")).toBe("high");
    expect(severityOf(report, "cipher.rc4")).toBe("high");
    expect(capReasons(report)).toEqual(
      expect.arrayContaining([
        "B: SSL 3.0 supported",
        "B: RC4 accepted",
        "C: TLS 1.2 not supported",
        "C: POODLE (CBC over SSL 3.0)",
      ]),
    );
    expect(severityOf(report, "vuln.poodle")).toBe("high");
    expect(report.findings.find((finding) => finding.id === "vuln.poodle")?.detail).toBe(
      "SSL 3.0 accepts CBC suites: TLS_RSA_WITH_AES_128_CBC_SHA.",
    );
    expect(report.negotiated.protocol).toBe("sslv3");
  });

  it("SSL 3.0 with RC4 only: no POODLE (its twin has no CBC suite), SSL 3.0 still reported", async () => {
    const report = await scanFake({ protocols: ["sslv3"], ciphers: ["TLS_RSA_WITH_RC4_128_SHA"] });
    expect(findingIds(report)).toContain("protocol.sslv3");
    expect(findingIds(report)).not.toContain("vuln.poodle");
    expect(capReasons(report)).not.toContain("C: POODLE (CBC over SSL 3.0)");
  });

  it("names BEAST for CBC on TLS 1.0 with nothing newer, and not when TLS 1.2 is there", async () => {
    const cbc = ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"];
    const only10 = await scanFake({ protocols: ["tls1_0"], ciphers: cbc });
    expect(only10.findings.find((finding) => finding.id === "protocol.tls1_0")?.detail).toContain(
      "BEAST (CVE-2011-3389)",
    );
    const with12 = await scanFake({ protocols: ["tls1_0", "tls1_2"], ciphers: cbc });
    expect(with12.findings.find((finding) => finding.id === "protocol.tls1_0")?.detail).toBe(
      "The server accepts TLS 1.0 handshakes.",
    );
  });

  it("3DES and RC4 on TLS 1.2", async () => {
    const report = await scanFake({
      protocols: ["tls1_2"],
      ciphers: [
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
        "TLS_RSA_WITH_RC4_128_SHA",
      ],
    });
    expect(severityOf(report, "cipher.3des")).toBe("medium");
    expect(severityOf(report, "cipher.rc4")).toBe("high");
    expect(capReasons(report)).toContain("C: RC4 or 3DES with TLS 1.1 or newer");
    expect(report.grade).toBe("C");
  });

  it("export, NULL and anonymous suites on TLS 1.0", async () => {
    const report = await scanFake({
      protocols: ["tls1_0"],
      ciphers: [
        "TLS_RSA_WITH_AES_128_CBC_SHA",
        "TLS_RSA_EXPORT_WITH_RC4_40_MD5",
        "TLS_RSA_WITH_NULL_SHA",
        "TLS_DH_anon_WITH_AES_128_CBC_SHA",
      ],
    });
    expect(severityOf(report, "cipher.export")).toBe("critical");
    expect(severityOf(report, "cipher.null")).toBe("critical");
    expect(severityOf(report, "cipher.anonymous")).toBe("critical");
    expect(capReasons(report)).toEqual(
      expect.arrayContaining(["F: export cipher suites accepted", "F: NULL cipher suites accepted"]),
    );
    expect(report.grade).toBe("F");
  });

  it("DHE with a 1024-bit group, then a 1536-bit one", async () => {
    const weak = await scanFake({
      protocols: ["tls1_2"],
      ciphers: ["TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"],
      dhBits: 1024,
    });
    expect(severityOf(weak, "kex.weak_dh")).toBe("medium");
    expect(capReasons(weak)).toContain("B: DH parameters smaller than 2048 bits");
    const weaker = await scanFake({
      protocols: ["tls1_2"],
      ciphers: ["TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"],
      dhBits: 768,
    });
    expect(severityOf(weaker, "kex.weak_dh")).toBe("high");
    expect(capReasons(weaker)).toContain("F: DH parameters smaller than 1024 bits");
    expect(weaker.grade).toBe("F");
  });

  it("tls_handshake_failed when every handshake ends in an alert", async () => {
    const report = await scanFake({
      protocols: ["tls1_2"],
      ciphers: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
      behavior: "alert",
    });
    expect(report.error?.code).toBe("tls_handshake_failed");
  });

  it("not_tls when the server answers garbage, without hanging on a 10 MB flood", async () => {
    const garbage = await scanFake({
      protocols: ["tls1_2"],
      ciphers: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
      behavior: "garbage",
    });
    expect(garbage.error?.code).toBe("not_tls");
    const flood = await scanFake({
      protocols: ["tls1_2"],
      ciphers: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
      behavior: "flood",
    });
    expect(flood.error?.code).toMatch(/not_tls|tls_handshake_failed/);
    expect(findingIds(flood)).toEqual([]);
  });
});

describe("implementation flaws seen in the enumeration's own ServerHellos (fake server and its twin)", () => {
  const tls12 = { protocols: ["tls1_2"] as ProtocolId[], ciphers: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] };

  it("insecure renegotiation: no renegotiation_info in the ServerHello grades F", async () => {
    const report = await scanFake({ ...tls12, noRenegotiationInfo: true });
    expect(report.error).toBeNull();
    expect(severityOf(report, "vuln.insecure_renegotiation")).toBe("high");
    expect(capReasons(report)).toContain("F: insecure renegotiation (no RFC 5746)");
    expect(report.grade).toBe("F");
    const twin = await scanFake(tls12);
    expect(findingIds(twin)).not.toContain("vuln.insecure_renegotiation");
    expect(twin.gradeCaps.map((cap) => cap.reason)).not.toContain("insecure renegotiation (no RFC 5746)");
  });

  it("no extended master secret: a low finding, and none from the twin that answers it", async () => {
    const report = await scanFake({ ...tls12, noExtendedMasterSecret: true });
    expect(severityOf(report, "protocol.no_extended_master_secret")).toBe("low");
    const twin = await scanFake(tls12);
    expect(findingIds(twin)).not.toContain("protocol.no_extended_master_secret");
  });
});
