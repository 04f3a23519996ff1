import { issueCert, type Served, startTlsServer, type TlsServerSpec } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enumerate } from "../../src/enumerate";

const tls12Ciphers = [
  ["ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"],
  ["ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"],
  ["ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"],
  ["ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"],
];
const opensslNames = tls12Ciphers.map(([openssl]) => openssl).join(":");
const ianaNames = tls12Ciphers.map(([, iana]) => iana);

describe("enumerate against Node's TLS server", () => {
  let ordered: Served;
  let unordered: Served;

  beforeAll(async () => {
    // EC P-256 leaf: only the ECDSA suites of the list can be served.
    const leaf = await issueCert({ subject: "CN=localhost", dnsNames: ["localhost"] });
    const spec: TlsServerSpec = { chain: [leaf], minVersion: "TLSv1.2", ciphers: opensslNames, noHttp: true };
    ordered = await startTlsServer({ ...spec, honorCipherOrder: true });
    unordered = await startTlsServer({ ...spec, honorCipherOrder: false });
  });
  afterAll(async () => {
    await Promise.all([ordered.close(), unordered.close()]);
  });

  const target = (port: number) => ({ address: "127.0.0.1", port, servername: "localhost", timeoutMs: 2000 });

  it("finds TLS 1.2 and 1.3 only, the configured suites in server order, and the groups", async () => {
    const result = await enumerate(target(ordered.port));
    expect(result.protocols).toEqual({
      sslv2: false,
      sslv3: false,
      tls1_0: false,
      tls1_1: false,
      tls1_2: true,
      tls1_3: true,
    });
    expect(result.ciphers.tls1_2).toEqual(ianaNames);
    expect(result.ciphers.tls1_3).toEqual(
      expect.arrayContaining([
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_AES_128_GCM_SHA256",
      ]),
    );
    expect(result.ciphers).not.toHaveProperty("tls1_0");
    expect(result.serverPreference.tls1_2).toBe(true);
    expect(result.serverPreference.tls1_0).toBeNull();
    expect(result.groups).toEqual(expect.arrayContaining(["x25519", "secp256r1", "secp384r1"]));
    expect(result.dh).toBeNull();
    expect(result.incomplete).toEqual([]);
    expect(result.probes).toBeGreaterThan(10);
  });

  it("sees when the server follows the client's order", async () => {
    const result = await enumerate(target(unordered.port));
    expect(result.serverPreference.tls1_2).toBe(false);
    expect([...(result.ciphers.tls1_2 ?? [])].sort()).toEqual([...ianaNames].sort());
  });
});
