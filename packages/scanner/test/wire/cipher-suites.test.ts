import { describe, expect, it } from "vitest";
import {
  cipherSuiteByCode,
  cipherSuiteByName,
  cipherSuiteName,
  cipherSuites,
  cipherSuitesFor,
} from "../../src/data/cipher-suites";

const suite = (name: string) => {
  const found = cipherSuiteByName(name);
  if (!found) throw new Error(`missing ${name}`);
  return found;
};

describe("cipher suite table", () => {
  it("covers the IANA registry with unique codes and names", () => {
    expect(cipherSuites.length).toBeGreaterThanOrEqual(340);
    expect(new Set(cipherSuites.map((row) => row.code)).size).toBe(cipherSuites.length);
    expect(new Set(cipherSuites.map((row) => row.name)).size).toBe(cipherSuites.length);
  });

  it("derives the attributes of modern suites", () => {
    expect(suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).toMatchObject({
      code: 0xc02f,
      kex: "ECDHE",
      auth: "RSA",
      cipher: "AES_128_GCM",
      bits: 128,
      aead: true,
      forwardSecrecy: true,
      export: false,
      anonymous: false,
      null: false,
      tls13: false,
      minVersion: "tls1_2",
    });
    expect(suite("TLS_CHACHA20_POLY1305_SHA256")).toMatchObject({
      code: 0x1303,
      kex: "TLS13",
      auth: "TLS13",
      bits: 256,
      aead: true,
      forwardSecrecy: true,
      tls13: true,
      minVersion: "tls1_3",
    });
    expect(suite("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384")).toMatchObject({
      aead: false,
      minVersion: "tls1_2",
    });
    expect(suite("TLS_DHE_RSA_WITH_AES_256_CCM_8")).toMatchObject({ kex: "DHE", aead: true, bits: 256 });
  });

  it("derives the attributes of weak and legacy suites", () => {
    expect(suite("TLS_RSA_WITH_3DES_EDE_CBC_SHA")).toMatchObject({
      bits: 112,
      forwardSecrecy: false,
      minVersion: "sslv3",
    });
    expect(suite("TLS_RSA_WITH_RC4_128_MD5")).toMatchObject({ cipher: "RC4_128", bits: 128 });
    expect(suite("TLS_RSA_EXPORT_WITH_RC4_40_MD5")).toMatchObject({ export: true, bits: 40, kex: "RSA" });
    expect(suite("TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA")).toMatchObject({
      export: true,
      bits: 40,
      kex: "DHE",
    });
    expect(suite("TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA")).toMatchObject({ export: true, bits: 56 });
    expect(suite("TLS_RSA_WITH_DES_CBC_SHA")).toMatchObject({ bits: 56, export: false });
    expect(suite("TLS_RSA_WITH_NULL_SHA256")).toMatchObject({ null: true, bits: 0, minVersion: "tls1_2" });
    expect(suite("TLS_DH_anon_WITH_AES_128_CBC_SHA")).toMatchObject({
      anonymous: true,
      auth: "anon",
      forwardSecrecy: false,
    });
    expect(suite("TLS_ECDH_anon_WITH_RC4_128_SHA")).toMatchObject({ anonymous: true, kex: "ECDHE" });
    expect(suite("TLS_DH_RSA_WITH_SEED_CBC_SHA")).toMatchObject({ kex: "DH", cipher: "SEED_CBC" });
    expect(suite("TLS_RSA_WITH_IDEA_CBC_SHA")).toMatchObject({ cipher: "IDEA_CBC", bits: 128 });
    expect(suite("TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256")).toMatchObject({
      kex: "ECDHE",
      auth: "PSK",
      aead: true,
    });
  });

  it("holds the SSLv2 cipher specs under their 3-byte codes", () => {
    expect(cipherSuiteByCode(0x0700c0)).toMatchObject({
      name: "SSL_CK_DES_192_EDE3_CBC_WITH_MD5",
      bits: 112,
      minVersion: "sslv2",
      maxVersion: "sslv2",
    });
    expect(cipherSuiteByCode(0x020080)).toMatchObject({
      name: "SSL_CK_RC4_128_EXPORT40_WITH_MD5",
      export: true,
      bits: 40,
    });
  });

  it("names unknown code points instead of failing", () => {
    expect(cipherSuiteName(0xc0ff)).toBe("UNKNOWN_0xC0FF");
    expect(cipherSuiteName(0x0a0a)).toBe("UNKNOWN_0x0A0A");
    expect(cipherSuiteName(0x090080)).toBe("UNKNOWN_0x090080");
    expect(cipherSuiteName(0x002f)).toBe("TLS_RSA_WITH_AES_128_CBC_SHA");
  });

  it("offers per protocol only the suites defined for it, strongest first", () => {
    expect(cipherSuitesFor("tls1_3")).toEqual([0x1302, 0x1303, 0x1301, 0x1304, 0x1305]);
    const tls10 = cipherSuitesFor("tls1_0").map((code) => cipherSuiteByCode(code));
    expect(tls10.every((row) => row && !row.tls13 && row.minVersion === "sslv3")).toBe(true);
    expect(cipherSuitesFor("tls1_0")).toContain(0x000a);
    expect(cipherSuitesFor("tls1_0")).not.toContain(0xc02f);
    expect(cipherSuitesFor("tls1_2")).toEqual(expect.arrayContaining([0xc02f, 0x000a, 0x0003, 0x0001]));
    expect(cipherSuitesFor("tls1_2")).not.toContain(0x1301);
    expect(cipherSuitesFor("sslv2")).toHaveLength(8);
    expect(cipherSuiteByCode(cipherSuitesFor("tls1_2")[0] ?? -1)).toMatchObject({
      forwardSecrecy: true,
      aead: true,
    });
    expect(cipherSuiteByCode(cipherSuitesFor("tls1_2").at(-1) ?? -1)?.forwardSecrecy).toBe(false);
  });
});
