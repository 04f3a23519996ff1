import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cipherSuiteByName } from "../../src/data/cipher-suites";
import { alertName, parseAlert } from "../../src/wire/alerts";
import { parseCertificateMessage } from "../../src/wire/certificate-message";
import { HELLO_RETRY_RANDOM } from "../../src/wire/extension-types";
import { parseServerHello } from "../../src/wire/server-hello";
import { bitLength, parseServerKeyExchange } from "../../src/wire/server-key-exchange";
import { parseSslv2ServerMessage } from "../../src/wire/sslv2";
import { firstMessageBody, hexFixture } from "./fixtures";

const suite = (name: string) => {
  const found = cipherSuiteByName(name);
  if (!found) throw new Error(name);
  return found;
};

describe("parseServerHello", () => {
  it("reads a TLS 1.2 ServerHello with its extensions", () => {
    const parsed = parseServerHello(firstMessageBody(hexFixture("server-hello-tls12.hex")));
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        version: 0x0303,
        legacyVersion: 0x0303,
        cipherSuite: 0xc02f,
        compression: 0,
        extensions: [0xff01, 0x0010, 0x0017],
        helloRetry: false,
        alpn: "h2",
        secureRenegotiation: true,
      },
    });
    expect(parsed.ok && parsed.value.sessionId).toEqual(Buffer.alloc(32, 0xbb));
  });

  it("takes the TLS 1.3 version from supported_versions, and the key share group", () => {
    const parsed = parseServerHello(firstMessageBody(hexFixture("server-hello-tls13.hex")));
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        version: 0x0304,
        legacyVersion: 0x0303,
        cipherSuite: 0x1302,
        keyShareGroup: 0x001d,
        helloRetry: false,
      },
    });
  });

  it("recognises a HelloRetryRequest and the group it asks for", () => {
    const parsed = parseServerHello(firstMessageBody(hexFixture("hello-retry-request.hex")));
    expect(parsed).toMatchObject({
      ok: true,
      value: { helloRetry: true, keyShareGroup: 0x0017, cipherSuite: 0x1301 },
    });
    expect(parsed.ok && parsed.value.random).toEqual(HELLO_RETRY_RANDOM);
  });

  it("accepts an SSLv3 ServerHello without an extensions block", () => {
    const parsed = parseServerHello(firstMessageBody(hexFixture("server-hello-sslv3.hex")));
    expect(parsed).toMatchObject({
      ok: true,
      value: { version: 0x0300, cipherSuite: 0x0005, extensions: [] },
    });
  });

  it("reports every truncation as malformed instead of throwing", () => {
    const body = firstMessageBody(hexFixture("server-hello-tls12.hex"));
    for (let length = 0; length < body.length; length++) {
      const parsed = parseServerHello(body.subarray(0, length));
      // Cutting exactly before the extensions block leaves a valid extension-less hello.
      expect(parsed.ok).toBe(length === 70);
    }
  });

  it("reports an extension overrunning its block", () => {
    const body = Buffer.from(firstMessageBody(hexFixture("server-hello-tls12.hex")));
    body.writeUInt16BE(0x00ff, 74); // first extension (at 72) claims 255 bytes
    const parsed = parseServerHello(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.detail).toMatch(/needs 255 bytes/);
  });
});

describe("parseServerKeyExchange", () => {
  const dhe = suite("TLS_DHE_RSA_WITH_AES_128_CBC_SHA");

  it("measures the DH prime", () => {
    const flight = hexFixture("dhe-flight-tls10.hex");
    const ske = flight.subarray(5 + 42 + 15 + 4, 5 + 42 + 15 + 144);
    expect(parseServerKeyExchange(ske, dhe)).toEqual({
      ok: true,
      value: { kind: "dh", primeBits: 1024, generator: Buffer.of(2) },
    });
  });

  it("reads the named curve of ECDHE parameters, and flags explicit curves", () => {
    const ecdhe = suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    const named = Buffer.from("0300184104", "hex");
    expect(parseServerKeyExchange(named, ecdhe)).toEqual({
      ok: true,
      value: { kind: "ecdh", group: 0x0018 },
    });
    expect(parseServerKeyExchange(Buffer.of(1, 0, 0), ecdhe)).toEqual({
      ok: true,
      value: { kind: "ecdh_explicit" },
    });
  });

  it("skips the PSK identity hint of DHE_PSK", () => {
    const body = Buffer.from("0003686e74" + "0002" + "00ff" + "000102", "hex");
    expect(parseServerKeyExchange(body, suite("TLS_DHE_PSK_WITH_AES_128_CBC_SHA"))).toMatchObject({
      ok: true,
      value: { kind: "dh", primeBits: 8 },
    });
  });

  it("reads the temporary RSA key of export suites", () => {
    const body = Buffer.concat([Buffer.of(0, 64, 0xc0), Buffer.alloc(63, 1), Buffer.of(0, 3, 1, 0, 1)]);
    expect(parseServerKeyExchange(body, suite("TLS_RSA_EXPORT_WITH_RC4_40_MD5"))).toEqual({
      ok: true,
      value: { kind: "rsa", modulusBits: 512 },
    });
  });

  it("fails cleanly on truncation and on key exchanges without parameters", () => {
    expect(parseServerKeyExchange(Buffer.of(0, 0x80, 0xff), dhe).ok).toBe(false);
    expect(parseServerKeyExchange(Buffer.of(3), suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).ok).toBe(
      false,
    );
    expect(parseServerKeyExchange(Buffer.of(0), suite("TLS_PSK_WITH_AES_128_CBC_SHA")).ok).toBe(false);
  });

  it("counts bits without leading zeros", () => {
    expect(bitLength(Buffer.of(0, 0, 0x80, 0))).toBe(16);
    expect(bitLength(Buffer.of(0x01))).toBe(1);
    expect(bitLength(Buffer.alloc(3))).toBe(0);
  });
});

describe("alerts, certificates, SSLv2", () => {
  it("parses alerts and names their descriptions", () => {
    expect(parseAlert(Buffer.of(2, 40))).toEqual({ ok: true, value: { level: 2, code: 40 } });
    expect(parseAlert(Buffer.of(2)).ok).toBe(false);
    expect(alertName(70)).toBe("protocol_version");
    expect(alertName(112)).toBe("unrecognized_name");
    expect(alertName(250)).toBe("unknown_alert_250");
  });

  it("lists the certificates of a Certificate message", () => {
    const body = Buffer.from("00000d" + "000003aabbcc" + "000004ddeeff00", "hex");
    expect(parseCertificateMessage(body)).toEqual({
      ok: true,
      value: [Buffer.from("aabbcc", "hex"), Buffer.from("ddeeff00", "hex")],
    });
    expect(parseCertificateMessage(Buffer.from("000010000003aabbcc", "hex")).ok).toBe(false);
  });

  it("parses an SSLv2 SERVER-HELLO with certificate and cipher specs", () => {
    const record = hexFixture("sslv2-server-hello.hex");
    expect(parseSslv2ServerMessage(record.subarray(2))).toEqual({
      ok: true,
      value: {
        type: "server_hello",
        version: 2,
        certificate: Buffer.from("3003020101", "hex"),
        cipherSpecs: [0x010080, 0x060040],
        connectionId: Buffer.alloc(16, 0x55),
      },
    });
  });

  it("parses SSLv2 errors and rejects malformed SSLv2 messages", () => {
    expect(parseSslv2ServerMessage(Buffer.of(0, 0, 1))).toEqual({
      ok: true,
      value: { type: "error", code: 1, description: "sslv2_no_cipher" },
    });
    const badSpecs = Buffer.from("04000100020000000500000000000000", "hex");
    expect(parseSslv2ServerMessage(badSpecs).ok).toBe(false);
    expect(parseSslv2ServerMessage(Buffer.of(7)).ok).toBe(false);
  });

  it("never throws on random input", () => {
    const ecdhe = suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    for (let i = 0; i < 500; i++) {
      const junk = randomBytes(i % 97);
      expect(() => {
        parseServerHello(junk);
        parseServerKeyExchange(junk, ecdhe);
        parseCertificateMessage(junk);
        parseSslv2ServerMessage(junk);
        parseAlert(junk);
      }).not.toThrow();
    }
  });
});
