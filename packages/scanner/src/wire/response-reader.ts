import { cipherSuiteByCode } from "../data/cipher-suites";
import { protocols } from "../protocols";
import { alertName, parseAlert } from "./alerts";
import { hexPreview } from "./bytes";
import { parseCertificateMessage } from "./certificate-message";
import { parseCertificateStatus } from "./certificate-status";
import { ContentType, HandshakeType } from "./extension-types";
import type { ProbeResult, ProbeUntil, ServerHelloResult } from "./probe-result";
import { parseServerHello } from "./server-hello";
import { parseServerKeyExchange } from "./server-key-exchange";
import { parseSslv2ServerMessage } from "./sslv2";

/** RFC 5246 §6.2.3: a protected record may exceed 2^14 by up to 2048 bytes; nothing larger is TLS. */
export const MAX_RECORD_LENGTH = 2 ** 14 + 2048;
/** A probe never needs more than a ServerHello flight; anything beyond is a flood. */
export const MAX_RESPONSE_BYTES = 256 * 1024;

const protocolByWire = new Map<number, ServerHelloResult["version"]>(protocols.map((p) => [p.wire, p.id]));

const notTls = (detail: string): ProbeResult => ({ type: "not_tls", detail });

type Step = ProbeResult | undefined;

/**
 * Turns the bytes a server sends into a ProbeResult, incrementally: records and handshake
 * messages are reassembled across TCP segments and records, and the result is ready as soon as
 * the message `until` asks for has arrived.
 */
export class ServerResponseReader {
  private pending: Buffer = Buffer.alloc(0);
  private handshake: Buffer = Buffer.alloc(0);
  private received = 0;
  private hello: ServerHelloResult | undefined;
  private result: ProbeResult | undefined;

  /** What each TLS content type means while the needed message is still missing. */
  private readonly recordHandlers: Record<number, (fragment: Buffer) => Step> = {
    [ContentType.alert]: (fragment) => this.alert(fragment),
    [ContentType.handshake]: (fragment) => this.handshakeFragment(fragment),
    [ContentType.changeCipherSpec]: () => this.hello ?? notTls("change_cipher_spec before any ServerHello"),
    [ContentType.applicationData]: () => this.hello ?? notTls("application_data before any ServerHello"),
    [ContentType.heartbeat]: () => undefined,
  };

  /** What the messages of a TLS ≤ 1.2 flight add to the ServerHello. */
  private readonly afterServerHello: Record<number, (hello: ServerHelloResult, body: Buffer) => Step> = {
    [HandshakeType.certificate]: (hello, body) => {
      const certificates = parseCertificateMessage(body);
      if (certificates.ok) hello.certificates = certificates.value;
      return undefined;
    },
    [HandshakeType.certificateStatus]: (hello, body) => {
      const staple = parseCertificateStatus(body);
      if (staple.ok && staple.value.length > 0) hello.ocspResponse = staple.value;
      return undefined;
    },
    [HandshakeType.serverKeyExchange]: (hello, body) => {
      const suite = cipherSuiteByCode(hello.cipherSuite);
      const parsed = suite ? parseServerKeyExchange(body, suite) : undefined;
      if (parsed?.ok && parsed.value.kind === "dh") hello.dhBits = parsed.value.primeBits;
      if (parsed?.ok && parsed.value.kind === "ecdh") hello.ecdheGroup = parsed.value.group;
      return hello;
    },
    [HandshakeType.serverHelloDone]: (hello) => hello,
  };

  constructor(private readonly until: ProbeUntil = "server_hello") {}

  /** The ServerHello read so far, if any: a partial answer is better than none. */
  get serverHello(): ServerHelloResult | undefined {
    return this.hello;
  }

  push(chunk: Buffer): Step {
    if (this.result) return this.result;
    this.received += chunk.length;
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.result = this.drain();
    if (!this.result && this.received > MAX_RESPONSE_BYTES) {
      this.result =
        this.hello ?? notTls(`response exceeded ${MAX_RESPONSE_BYTES} bytes without a ServerHello`);
    }
    return this.result;
  }

  /** The server closed the connection: the result, or what the bytes so far amount to. */
  end(): ProbeResult {
    if (this.result) return this.result;
    if (this.hello) return this.hello;
    if (this.received === 0) return { type: "closed" };
    return notTls(
      `connection closed inside a record after ${this.received} bytes: ${hexPreview(this.pending)}`,
    );
  }

  private drain(): Step {
    for (;;) {
      const first = this.pending[0];
      if (first === undefined) return undefined;
      // An SSLv2 record has a 2-byte header with the high bit set; no TLS content type has it.
      if (first & 0x80) return this.sslv2(first);
      if (this.pending.length < 5) return undefined;
      const type = first;
      const length = this.pending.readUInt16BE(3);
      const handler = this.recordHandlers[type];
      if (!handler || this.pending[1] !== 3) {
        return notTls(`not a TLS record: ${hexPreview(this.pending)}`);
      }
      if (length > MAX_RECORD_LENGTH) return notTls(`record length ${length} exceeds ${MAX_RECORD_LENGTH}`);
      if (this.pending.length < 5 + length) return undefined;
      const fragment = this.pending.subarray(5, 5 + length);
      this.pending = this.pending.subarray(5 + length);
      const step = handler(fragment);
      if (step) return step;
    }
  }

  private sslv2(first: number): Step {
    if (this.pending.length < 2) return undefined;
    const length = ((first & 0x7f) << 8) | (this.pending[1] ?? 0);
    if (this.pending.length < 2 + length) return undefined;
    const parsed = parseSslv2ServerMessage(this.pending.subarray(2, 2 + length));
    if (!parsed.ok) return notTls(`malformed SSLv2 message: ${parsed.detail}`);
    const message = parsed.value;
    if (message.type === "error")
      return { type: "alert", description: message.description, code: message.code, level: 2 };
    return { type: "sslv2_server_hello", cipherSpecs: message.cipherSpecs, certificate: message.certificate };
  }

  private alert(fragment: Buffer): Step {
    if (this.hello) return this.hello;
    const parsed = parseAlert(fragment);
    if (!parsed.ok) return notTls(`malformed alert: ${parsed.detail}`);
    const { level, code } = parsed.value;
    return { type: "alert", level, code, description: alertName(code) };
  }

  private handshakeFragment(fragment: Buffer): Step {
    this.handshake = this.handshake.length > 0 ? Buffer.concat([this.handshake, fragment]) : fragment;
    while (this.handshake.length >= 4) {
      const length = this.handshake.readUIntBE(1, 3);
      if (length > MAX_RESPONSE_BYTES) return notTls(`handshake message of ${length} bytes`);
      if (this.handshake.length < 4 + length) return undefined;
      const type = this.handshake[0] ?? 0;
      const body = this.handshake.subarray(4, 4 + length);
      this.handshake = this.handshake.subarray(4 + length);
      const step = this.message(type, body);
      if (step) return step;
    }
    return undefined;
  }

  private message(type: number, body: Buffer): Step {
    if (type === HandshakeType.helloRequest) return undefined;
    if (type === HandshakeType.serverHello) return this.serverHelloMessage(body);
    if (!this.hello) return notTls(`handshake message ${type} before any ServerHello`);
    // Anything else after the ServerHello (CertificateRequest) is skipped.
    return this.afterServerHello[type]?.(this.hello, body);
  }

  private serverHelloMessage(body: Buffer): Step {
    if (this.hello) return notTls("second ServerHello");
    const parsed = parseServerHello(body);
    if (!parsed.ok) return notTls(`malformed ServerHello: ${parsed.detail}`);
    const hello = parsed.value;
    const version = protocolByWire.get(hello.version);
    if (!version || version === "sslv2") {
      return notTls(`ServerHello with unknown version 0x${hello.version.toString(16).padStart(4, "0")}`);
    }
    const result: ServerHelloResult = {
      type: "server_hello",
      version,
      cipherSuite: hello.cipherSuite,
      group: hello.keyShareGroup,
      helloRetry: hello.helloRetry || undefined,
      compression: hello.compression,
      alpn: hello.alpn,
      secureRenegotiation: hello.secureRenegotiation,
      extensions: hello.extensions,
    };
    // TLS 1.3 encrypts everything after the ServerHello; a HelloRetryRequest ends the exchange.
    if (this.until === "server_hello" || version === "tls1_3" || hello.helloRetry) return result;
    this.hello = result;
    return undefined;
  }
}
