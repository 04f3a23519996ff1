import { describe, expect, it } from "vitest";
import type { ProbeResult, ProbeUntil } from "../../src/wire/probe-result";
import { MAX_RESPONSE_BYTES, ServerResponseReader } from "../../src/wire/response-reader";
import { hexFixture } from "./fixtures";

function read(bytes: Buffer, until: ProbeUntil = "server_hello"): ProbeResult {
  const reader = new ServerResponseReader(until);
  return reader.push(bytes) ?? reader.end();
}

/** Re-frames the handshake payload of `record` into records of at most `size` bytes. */
function reRecord(record: Buffer, size: number): Buffer {
  const payload = record.subarray(5);
  const parts: Buffer[] = [];
  for (let at = 0; at < payload.length; at += size) {
    const piece = payload.subarray(at, at + size);
    parts.push(
      Buffer.concat([record.subarray(0, 3), Buffer.of(piece.length >> 8, piece.length & 0xff), piece]),
    );
  }
  return Buffer.concat(parts);
}

const helloRequests = Buffer.concat([Buffer.of(0x16, 0x03, 0x03, 0x40, 0x00), Buffer.alloc(0x4000)]);

describe("ServerResponseReader", () => {
  it("turns a TLS 1.2 ServerHello into a result", () => {
    expect(read(hexFixture("server-hello-tls12.hex"))).toEqual({
      type: "server_hello",
      version: "tls1_2",
      cipherSuite: 0xc02f,
      compression: 0,
      alpn: "h2",
      secureRenegotiation: true,
      extensions: [0xff01, 0x0010, 0x0017],
    });
  });

  it("answers only once the last byte arrives, one byte at a time", () => {
    const bytes = hexFixture("server-hello-tls12.hex");
    const reader = new ServerResponseReader();
    for (let i = 0; i < bytes.length - 1; i++) expect(reader.push(bytes.subarray(i, i + 1))).toBeUndefined();
    expect(reader.push(bytes.subarray(-1))).toMatchObject({ type: "server_hello", cipherSuite: 0xc02f });
  });

  it("reassembles a flight split across many records and reads on to the ServerKeyExchange", () => {
    const flight = reRecord(hexFixture("dhe-flight-tls10.hex"), 7);
    const reader = new ServerResponseReader("server_key_exchange");
    let result: ProbeResult | undefined;
    for (let at = 0; at < flight.length && !result; at += 3)
      result = reader.push(flight.subarray(at, at + 3));
    expect(result).toMatchObject({
      type: "server_hello",
      version: "tls1_0",
      cipherSuite: 0x0033,
      dhBits: 1024,
      certificates: [Buffer.from("3003020101", "hex")],
    });
  });

  it("stops at the ServerHello when that is all that is asked", () => {
    const result = read(hexFixture("dhe-flight-tls10.hex"), "server_hello");
    expect(result).toMatchObject({ type: "server_hello", cipherSuite: 0x0033 });
    expect(result).not.toHaveProperty("dhBits");
  });

  it("keeps the ServerHello when the connection ends before the ServerKeyExchange", () => {
    const reader = new ServerResponseReader("server_key_exchange");
    expect(reader.push(hexFixture("server-hello-sslv3.hex"))).toBeUndefined();
    expect(reader.end()).toMatchObject({ type: "server_hello", version: "sslv3", cipherSuite: 0x0005 });
  });

  it("finishes at a TLS 1.3 ServerHello and at a HelloRetryRequest", () => {
    expect(read(hexFixture("server-hello-tls13.hex"), "server_key_exchange")).toMatchObject({
      type: "server_hello",
      version: "tls1_3",
      cipherSuite: 0x1302,
      group: 0x001d,
    });
    expect(read(hexFixture("hello-retry-request.hex"))).toMatchObject({
      type: "server_hello",
      version: "tls1_3",
      cipherSuite: 0x1301,
      group: 0x0017,
      helloRetry: true,
    });
  });

  it("reports alerts and SSLv2 answers", () => {
    expect(read(hexFixture("alert-protocol-version.hex"))).toEqual({
      type: "alert",
      level: 2,
      code: 70,
      description: "protocol_version",
    });
    expect(read(hexFixture("sslv2-server-hello.hex"))).toEqual({
      type: "sslv2_server_hello",
      cipherSpecs: [0x010080, 0x060040],
      certificate: Buffer.from("3003020101", "hex"),
    });
    expect(read(Buffer.of(0x80, 0x03, 0x00, 0x00, 0x01))).toMatchObject({
      type: "alert",
      description: "sslv2_no_cipher",
    });
  });

  it("calls garbage, oversized records and out-of-order records not TLS", () => {
    expect(read(Buffer.from("HTTP/1.1 400 Bad Request\r\n\r\n"))).toMatchObject({
      type: "not_tls",
      detail: expect.stringContaining("not a TLS record"),
    });
    expect(read(Buffer.from("1603034801", "hex"))).toMatchObject({
      type: "not_tls",
      detail: expect.stringContaining("exceeds"),
    });
    expect(read(Buffer.from("140303000101", "hex"))).toMatchObject({
      type: "not_tls",
      detail: expect.stringContaining("change_cipher_spec"),
    });
    expect(read(Buffer.from("160303000a0b000006000003000000", "hex"))).toMatchObject({
      type: "not_tls",
      detail: expect.stringContaining("before any ServerHello"),
    });
    const unknownVersion = Buffer.from(hexFixture("server-hello-sslv3.hex"));
    unknownVersion.writeUInt16BE(0x7f1c, 9);
    expect(read(unknownVersion)).toMatchObject({
      type: "not_tls",
      detail: expect.stringContaining("0x7f1c"),
    });
  });

  it("gives up on a stream of valid records that never reaches a ServerHello", () => {
    const reader = new ServerResponseReader();
    let result: ProbeResult | undefined;
    let pushed = 0;
    while (!result && pushed < 10 * 1024 * 1024) {
      result = reader.push(helloRequests);
      pushed += helloRequests.length;
    }
    expect(result).toMatchObject({ type: "not_tls", detail: expect.stringContaining("exceeded") });
    expect(pushed).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + helloRequests.length);
  });

  it("tells a silent hang-up from one in the middle of a record", () => {
    expect(new ServerResponseReader().end()).toEqual({ type: "closed" });
    const reader = new ServerResponseReader();
    reader.push(Buffer.from("160303", "hex"));
    expect(reader.end()).toMatchObject({
      type: "not_tls",
      detail: expect.stringContaining("inside a record"),
    });
  });
});
