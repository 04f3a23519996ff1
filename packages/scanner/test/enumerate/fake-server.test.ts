import { afterEach, describe, expect, it } from "vitest";
import { cipherSuitesFor } from "../../src/data/cipher-suites";
import { enumerate } from "../../src/enumerate";
import { type FakeServer, type FakeServerConfig, startFakeServer } from "../support/fake-server";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function enumerateFake(config: FakeServerConfig) {
  const server = await startFakeServer(config);
  servers.push(server);
  const result = await enumerate({
    address: "127.0.0.1",
    port: server.port,
    servername: "fake.test",
    timeoutMs: 1000,
  });
  return { result, server };
}

const onlyProtocols = (...supported: string[]) =>
  Object.fromEntries(
    ["sslv2", "sslv3", "tls1_0", "tls1_1", "tls1_2", "tls1_3"].map((protocol) => [
      protocol,
      supported.includes(protocol),
    ]),
  );

describe("enumerate against servers Node's OpenSSL cannot imitate", () => {
  it("detects an SSLv2-only server and its cipher specs", async () => {
    const { result } = await enumerateFake({
      protocols: ["sslv2"],
      ciphers: [
        "SSL_CK_DES_192_EDE3_CBC_WITH_MD5",
        "SSL_CK_RC4_128_EXPORT40_WITH_MD5",
        "SSL_CK_RC4_128_WITH_MD5",
      ],
      honorServerOrder: true,
    });
    expect(result.protocols).toEqual(onlyProtocols("sslv2"));
    expect(result.ciphers).toEqual({
      sslv2: [
        "SSL_CK_DES_192_EDE3_CBC_WITH_MD5",
        "SSL_CK_RC4_128_EXPORT40_WITH_MD5",
        "SSL_CK_RC4_128_WITH_MD5",
      ],
    });
    expect(result.serverPreference.sslv2).toBeNull();
    expect(result.incomplete).toEqual([]);
  });

  it("detects SSLv3 with RC4 and does not mistake its answers to newer versions for support", async () => {
    const { result, server } = await enumerateFake({
      protocols: ["sslv3"],
      ciphers: ["TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_RC4_128_MD5"],
      honorServerOrder: true,
    });
    expect(result.protocols).toEqual(onlyProtocols("sslv3"));
    expect(result.ciphers).toEqual({ sslv3: ["TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_RC4_128_MD5"] });
    expect(result.serverPreference.sslv3).toBe(true);
    expect(result.probes).toBe(server.connections);
  });

  it("lists 3DES, export, NULL and anonymous TLS 1.0 suites in server order", async () => {
    const ciphers = [
      "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
      "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA",
      "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA",
      "TLS_RSA_WITH_NULL_SHA",
      "TLS_RSA_WITH_NULL_MD5",
      "TLS_DH_anon_WITH_AES_128_CBC_SHA",
      "TLS_ECDH_anon_WITH_RC4_128_SHA",
      "TLS_RSA_WITH_IDEA_CBC_SHA",
      "TLS_DHE_DSS_WITH_DES_CBC_SHA",
    ];
    const { result } = await enumerateFake({
      protocols: ["tls1_0"],
      ciphers,
      honorServerOrder: true,
      dhBits: 768,
    });
    expect(result.protocols).toEqual(onlyProtocols("tls1_0"));
    expect(result.ciphers.tls1_0).toEqual(ciphers);
    expect(result.serverPreference.tls1_0).toBe(true);
    expect(result.dh).toEqual({ primeBits: 768 });
  });

  it("measures a 1024-bit DH prime from the probes that enumerate the suites", async () => {
    const ciphers = [
      "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_RSA_WITH_AES_128_CBC_SHA",
    ];
    const { result, server } = await enumerateFake({
      protocols: ["tls1_1", "tls1_2"],
      ciphers,
      honorServerOrder: true,
      dhBits: 1024,
    });
    expect(result.dh).toEqual({ primeBits: 1024 });
    // SSLv2, SSLv3, TLS 1.0 and 1.3 refused: 4. TLS 1.1: two picks and a refusal, whose order is
    // also ours, so one reversed offer tells the orders apart: 4. TLS 1.2: three picks, a refusal
    // and the reversed offer: 5. No key exchange probe.
    expect(result.probes).toBe(13);
    expect(server.connections).toBe(13);
    expect(result.ciphers.tls1_2).toEqual(ciphers);
    expect(result.ciphers.tls1_1).toEqual(ciphers.slice(1));
  });

  it("tells server order from client order", async () => {
    const ciphers = [
      "TLS_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_RSA_WITH_RC4_128_SHA",
    ];
    const server = await enumerateFake({ protocols: ["tls1_2"], ciphers, honorServerOrder: true });
    expect(server.result.serverPreference.tls1_2).toBe(true);
    expect(server.result.ciphers.tls1_2).toEqual(ciphers);
    // Five refused protocols; three picks and a refusal. Picks out of our order prove server
    // order without an order probe.
    expect(server.result.probes).toBe(9);
    const client = await enumerateFake({ protocols: ["tls1_2"], ciphers, honorServerOrder: false });
    expect(client.result.serverPreference.tls1_2).toBe(false);
    // Following the client, the server reveals our own strongest-first order.
    expect(client.result.ciphers.tls1_2).toEqual([ciphers[1], ciphers[0], ciphers[2]]);
    // Picks in our order fit both: one reversed offer of the first two decides.
    expect(client.result.probes).toBe(10);
  });

  it("reports the ECDHE curve of TLS 1.2 and the TLS 1.3 groups behind HelloRetryRequests", async () => {
    const { result, server } = await enumerateFake({
      protocols: ["tls1_2", "tls1_3"],
      ciphers: ["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
      honorServerOrder: true,
      ecdheGroup: "secp384r1",
      groups: ["secp384r1", "secp256r1", "X25519MLKEM768"],
    });
    // Refused: SSLv2, SSLv3, TLS 1.0, 1.1: 4. TLS 1.2: its one pick (curve read from that flight)
    // and a refusal: 2. TLS 1.3: two picks (in our order), a refusal, one reversed offer: 4, every
    // one answered with a HelloRetryRequest for secp384r1, so only secp256r1, X25519MLKEM768 and a
    // refusal remain to ask for: 3.
    expect(result.probes).toBe(13);
    expect(server.connections).toBe(13);
    expect(result.protocols.tls1_3).toBe(true);
    expect(result.ciphers.tls1_3).toEqual(["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"]);
    expect(result.ciphers.tls1_2).toEqual(["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]);
    expect([...result.groups].sort()).toEqual(["X25519MLKEM768", "secp256r1", "secp384r1"]);
  });

  it("retries in chunks when the server hangs up on long ClientHellos", async () => {
    const ciphers = [
      "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
    ];
    expect(cipherSuitesFor("tls1_2").length).toBeGreaterThan(256);
    const { result } = await enumerateFake({
      protocols: ["tls1_2"],
      ciphers,
      honorServerOrder: true,
      maxCipherSuites: 128,
    });
    expect(result.protocols.tls1_2).toBe(true);
    expect(result.ciphers.tls1_2).toEqual(ciphers);
    expect(result.serverPreference.tls1_2).toBe(true);
  });

  it("reassembles answers written in tiny records", async () => {
    const ciphers = ["TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"];
    const { result } = await enumerateFake({
      protocols: ["tls1_0", "tls1_3"],
      ciphers: [...ciphers, "TLS_CHACHA20_POLY1305_SHA256"],
      honorServerOrder: true,
      recordSize: 3,
      dhBits: 2048,
    });
    expect(result.ciphers).toEqual({ tls1_0: ciphers, tls1_3: ["TLS_CHACHA20_POLY1305_SHA256"] });
    expect(result.dh).toEqual({ primeBits: 2048 });
    expect(result.incomplete).toEqual([]);
  });

  it("names a code point it does not know instead of failing", async () => {
    const { result } = await enumerateFake({
      protocols: ["tls1_2"],
      ciphers: [],
      honorServerOrder: true,
      forceSuite: 0xc0ff,
    });
    expect(result.protocols).toEqual(onlyProtocols("tls1_2"));
    expect(result.ciphers).toEqual({ tls1_2: ["UNKNOWN_0xC0FF"] });
    expect(result.incomplete).toEqual([
      { step: "ciphers.tls1_2", reason: "the server chose UNKNOWN_0xC0FF, which was not offered" },
    ]);
  });
});
