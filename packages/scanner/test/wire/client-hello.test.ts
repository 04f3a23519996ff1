import { describe, expect, it } from "vitest";
import { cipherSuitesFor } from "../../src/data/cipher-suites";
import { buildClientHello } from "../../src/wire/client-hello";
import { readClientHello, type TlsClientHello } from "../../src/wire/client-hello-parser";
import { ExtensionType } from "../../src/wire/extension-types";
import { groupsFor } from "../../src/wire/groups";
import { buildSslv2ClientHello } from "../../src/wire/sslv2";
import { filled, hexFixture } from "./fixtures";

function parse(record: Buffer): TlsClientHello {
  const read = readClientHello(record);
  if (!read.ok || "incomplete" in read.value) throw new Error("not a complete ClientHello");
  expect(read.value.length).toBe(record.length);
  if (read.value.hello.format !== "tls") throw new Error("not TLS");
  return read.value.hello;
}

const types = (hello: TlsClientHello) => hello.extensions.map((extension) => extension.type);

describe("buildClientHello", () => {
  it("matches the TLS 1.2 byte fixture", () => {
    const hello = buildClientHello({
      version: "tls1_2",
      cipherSuites: [0xc02f, 0x009c],
      servername: "a.test",
      groups: [0x001d, 0x0017],
      signatureAlgorithms: [0x0403, 0x0804],
      random: filled(0x11),
    });
    expect(hello.toString("hex")).toBe(hexFixture("client-hello-tls12.hex").toString("hex"));
  });

  it("matches the TLS 1.3 byte fixture", () => {
    const hello = buildClientHello({
      version: "tls1_3",
      cipherSuites: [0x1301],
      groups: [0x001d],
      signatureAlgorithms: [0x0804],
      random: filled(0x22),
    });
    expect(hello.toString("hex")).toBe(hexFixture("client-hello-tls13.hex").toString("hex"));
  });

  it("matches the SSLv3 byte fixture: no extensions, renegotiation SCSV", () => {
    const hello = buildClientHello({
      version: "sslv3",
      cipherSuites: [0x000a, 0x0005],
      random: filled(0x33),
    });
    expect(hello.toString("hex")).toBe(hexFixture("client-hello-sslv3.hex").toString("hex"));
  });

  it("builds a consistent record that parses back with every default extension", () => {
    const record = buildClientHello({
      version: "tls1_2",
      cipherSuites: cipherSuitesFor("tls1_2"),
      servername: "example.com",
    });
    expect(record.subarray(0, 3)).toEqual(Buffer.of(0x16, 0x03, 0x01));
    expect(record.readUInt16BE(3)).toBe(record.length - 5);
    expect(record.readUIntBE(6, 3)).toBe(record.length - 9);
    const hello = parse(record);
    expect(hello.version).toBe(0x0303);
    expect(hello.cipherSuites).toEqual(cipherSuitesFor("tls1_2"));
    expect(hello.compressionMethods).toEqual([0]);
    expect(hello.servername).toBe("example.com");
    expect(hello.groups).toEqual(groupsFor("tls1_2"));
    expect(hello.signatureAlgorithms).toEqual(expect.arrayContaining([0x0403, 0x0804, 0x0201, 0x0101]));
    expect(types(hello)).toEqual(
      expect.arrayContaining([
        ExtensionType.serverName,
        ExtensionType.ecPointFormats,
        ExtensionType.supportedGroups,
        ExtensionType.sessionTicket,
        ExtensionType.signatureAlgorithms,
        ExtensionType.renegotiationInfo,
      ]),
    );
    expect(types(hello)).not.toContain(ExtensionType.supportedVersions);
    expect(types(hello)).not.toContain(ExtensionType.keyShare);
    expect(types(hello)).not.toContain(ExtensionType.statusRequest);
  });

  it("encodes the SNI host name bytes", () => {
    const record = buildClientHello({
      version: "tls1_2",
      cipherSuites: [0x002f],
      servername: "scan.port443.test",
    });
    const name = Buffer.from("scan.port443.test", "ascii");
    const sni = Buffer.concat([
      Buffer.of(0x00, 0x00, 0x00, name.length + 5, 0x00, name.length + 3, 0x00, 0x00, name.length),
      name,
    ]);
    expect(record.includes(sni)).toBe(true);
  });

  it("leaves server_name out for IP literals", () => {
    for (const servername of ["192.0.2.1", "2001:db8::1"]) {
      const hello = parse(buildClientHello({ version: "tls1_2", cipherSuites: [0x002f], servername }));
      expect(types(hello)).not.toContain(ExtensionType.serverName);
      expect(hello.servername).toBeUndefined();
    }
  });

  it("adds status_request and ALPN when asked", () => {
    const hello = parse(
      buildClientHello({
        version: "tls1_2",
        cipherSuites: [0x002f],
        statusRequest: true,
        alpn: ["h2", "http/1.1"],
      }),
    );
    expect(types(hello)).toContain(ExtensionType.statusRequest);
    expect(hello.alpn).toEqual(["h2", "http/1.1"]);
  });

  it("sends signature_algorithms only from TLS 1.2 on", () => {
    const hello = parse(buildClientHello({ version: "tls1_0", cipherSuites: cipherSuitesFor("tls1_0") }));
    expect(hello.version).toBe(0x0301);
    expect(types(hello)).not.toContain(ExtensionType.signatureAlgorithms);
    expect(types(hello)).toContain(ExtensionType.supportedGroups);
  });

  it("offers TLS 1.3 through supported_versions with an x25519 key share", () => {
    const hello = parse(buildClientHello({ version: "tls1_3", cipherSuites: cipherSuitesFor("tls1_3") }));
    expect(hello.version).toBe(0x0303);
    expect(hello.supportedVersions).toEqual([0x0304]);
    expect(hello.sessionId).toHaveLength(32);
    expect(hello.keyShares?.map((share) => [share.group, share.share.length])).toEqual([[0x001d, 32]]);
    expect(hello.groups).toEqual(groupsFor("tls1_3"));
    expect(hello.groups).toContain(0x11ec);
    expect(types(hello)).toContain(ExtensionType.pskKeyExchangeModes);
  });

  it("can ask for a HelloRetryRequest with an empty key_share", () => {
    const hello = parse(
      buildClientHello({ version: "tls1_3", cipherSuites: [0x1301], groups: [0x0017], keyShareGroups: [] }),
    );
    expect(hello.keyShares).toEqual([]);
    expect(types(hello)).toContain(ExtensionType.keyShare);
  });

  it("pads hellos of 256–511 bytes to 512 (RFC 7685)", () => {
    const record = buildClientHello({
      version: "tls1_2",
      cipherSuites: cipherSuitesFor("tls1_2").slice(0, 40),
    });
    expect(record.length - 5).toBe(512);
    expect(types(parse(record))).toContain(ExtensionType.padding);
    const small = buildClientHello({ version: "tls1_2", cipherSuites: [0x002f], groups: [0x001d] });
    expect(types(parse(small))).not.toContain(ExtensionType.padding);
  });

  it("uses fresh random bytes by default", () => {
    const a = parse(buildClientHello({ version: "tls1_2", cipherSuites: [0x002f] }));
    const b = parse(buildClientHello({ version: "tls1_2", cipherSuites: [0x002f] }));
    expect(a.random.equals(b.random)).toBe(false);
  });
});

describe("buildSslv2ClientHello", () => {
  it("matches the SSLv2 byte fixture and parses back", () => {
    const record = buildSslv2ClientHello([0x010080, 0x0700c0], filled(0x44));
    expect(record.toString("hex")).toBe(hexFixture("sslv2-client-hello.hex").toString("hex"));
    const read = readClientHello(record);
    expect(read.ok && "hello" in read.value && read.value.hello).toEqual({
      format: "sslv2",
      version: 0x0002,
      cipherSpecs: [0x010080, 0x0700c0],
      challenge: Buffer.alloc(16, 0x44),
    });
  });
});

describe("readClientHello", () => {
  it("asks for more bytes on a partial record and rejects non-handshake records", () => {
    const record = buildClientHello({ version: "tls1_2", cipherSuites: [0x002f] });
    const partial = readClientHello(record.subarray(0, record.length - 1));
    expect(partial).toEqual({ ok: true, value: { incomplete: true } });
    expect(readClientHello(Buffer.from("GET / HTTP/1.1\r\n\r\n")).ok).toBe(false);
  });
});
