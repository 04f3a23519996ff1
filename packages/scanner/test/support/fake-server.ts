/**
 * A raw-socket TLS impostor: it reads a ClientHello (TLS or SSLv2), picks protocol and suite the
 * way a real server would, and answers with the plaintext part of a handshake. Nothing is
 * encrypted or signed for real, which is exactly what lets tests serve SSLv2, SSLv3, RC4, export,
 * NULL and anonymous suites and DH-1024, none of which Node's OpenSSL will do.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import { cipherSuiteByCode, cipherSuiteByName, cipherSuitesFor } from "../../src/data/cipher-suites";
import { type ProtocolId, protocolIds, protocols } from "../../src/protocols";
import { ALERT_HANDSHAKE_FAILURE, ALERT_PROTOCOL_VERSION } from "../../src/wire/alerts";
import { u8, u16, u24, vector } from "../../src/wire/bytes";
import {
  type ClientHello,
  readClientHello,
  type Sslv2ClientHello,
  type TlsClientHello,
} from "../../src/wire/client-hello-parser";
import {
  ContentType,
  ExtensionType,
  HandshakeType,
  HELLO_RETRY_RANDOM,
} from "../../src/wire/extension-types";
import { groupByName } from "../../src/wire/groups";

export type FakeBehavior = "normal" | "silent" | "garbage" | "flood" | "close" | "reset" | "alert";

export interface FakeServerConfig {
  protocols: ProtocolId[];
  /** IANA names (SSL_CK_* for SSLv2), in the server's order of preference. */
  ciphers: string[];
  honorServerOrder: boolean;
  /** DHE prime size; default 2048. */
  dhBits?: number;
  /** Curve for ECDHE ServerKeyExchange and the TLS 1.3 key share; default x25519. */
  ecdheGroup?: string;
  /** TLS 1.3 groups in the server's order; default [ecdheGroup]. */
  groups?: string[];
  certificateDer?: Buffer[];
  behavior?: FakeBehavior;
  /** Hang up on ClientHellos offering more suites than this, like some appliances. */
  maxCipherSuites?: number;
  /** Split the answer into records of at most this many bytes, each its own write. */
  recordSize?: number;
  /** Always pick this code point, offered or not, like a broken server. */
  forceSuite?: number;
  /** Ignore renegotiation_info, as servers before RFC 5746 did (CVE-2009-3555). */
  noRenegotiationInfo?: boolean;
  /** Ignore extended_master_secret, as servers before RFC 7627 did. */
  noExtendedMasterSecret?: boolean;
}

export interface FakeServer {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

const FLOOD_BYTES = 10 * 1024 * 1024;
/** Not a real certificate: the prober only passes the bytes on. */
const STUB_CERTIFICATE = Buffer.from("3082000a0603550403130166616b65", "hex");

const wireOf = (id: ProtocolId): number => protocols.find((protocol) => protocol.id === id)?.wire ?? 0;
const idOf = (wire: number): ProtocolId | undefined =>
  protocols.find((protocol) => protocol.wire === wire)?.id;

function records(type: number, version: number, payload: Buffer, size = 16_384): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < payload.length || out.length === 0; at += size) {
    out.push(Buffer.concat([u8(type), u16(version), vector(2, payload.subarray(at, at + size))]));
  }
  return out;
}

const handshakeMessage = (type: number, body: Buffer): Buffer =>
  Buffer.concat([u8(type), u24(body.length), body]);
const extension = (type: number, body: Buffer): Buffer => Buffer.concat([u16(type), vector(2, body)]);
const alertRecord = (code: number, version = 0x0301): Buffer =>
  Buffer.concat([u8(ContentType.alert), u16(version), vector(2, Buffer.of(2, code))]);

/** The protocol a real server would pick: the highest it has among those the client offers. */
function chooseVersion(hello: TlsClientHello, enabled: ProtocolId[]): ProtocolId | undefined {
  const offered = hello.supportedVersions
    ? hello.supportedVersions.map(idOf)
    : protocolIds.filter((id) => id !== "sslv2" && wireOf(id) <= hello.version);
  return [...protocolIds]
    .reverse()
    .find((id) => id !== "sslv2" && enabled.includes(id) && offered.includes(id));
}

function chooseSuite(
  hello: TlsClientHello,
  config: FakeServerConfig,
  version: ProtocolId,
): number | undefined {
  if (config.forceSuite !== undefined) return config.forceSuite;
  const valid = new Set(cipherSuitesFor(version));
  const mine = config.ciphers.flatMap((name) => {
    const code = cipherSuiteByName(name)?.code;
    return code !== undefined && valid.has(code) ? [code] : [];
  });
  return config.honorServerOrder
    ? mine.find((code) => hello.cipherSuites.includes(code))
    : hello.cipherSuites.find((code) => mine.includes(code));
}

function serverHello(
  version: number,
  random: Buffer,
  sessionId: Buffer,
  suite: number,
  extensions: Buffer[],
): Buffer {
  const body = Buffer.concat([
    u16(version),
    random,
    vector(1, sessionId),
    u16(suite),
    u8(0),
    ...(extensions.length > 0 ? [vector(2, ...extensions)] : []),
  ]);
  return handshakeMessage(HandshakeType.serverHello, body);
}

/** Random bytes shaped like the real thing: DH primes have the top bit set. */
function dhParams(bits: number): Buffer {
  const prime = randomBytes(Math.ceil(bits / 8));
  prime[0] = (prime[0] ?? 0) | 0x80;
  return Buffer.concat([vector(2, prime), vector(2, Buffer.of(2)), vector(2, randomBytes(prime.length))]);
}

const signature = (version: ProtocolId): Buffer =>
  Buffer.concat([...(version === "tls1_2" ? [u16(0x0401)] : []), vector(2, randomBytes(64))]);

function tls12Flight(
  hello: TlsClientHello,
  config: FakeServerConfig,
  version: ProtocolId,
  code: number,
): Buffer {
  const suite = cipherSuiteByCode(code);
  const offered = (type: number) => hello.extensions.some((ext) => ext.type === type);
  const secureRenegotiation =
    !config.noRenegotiationInfo &&
    (hello.cipherSuites.includes(0x00ff) || offered(ExtensionType.renegotiationInfo));
  const extendedMasterSecret =
    !config.noExtendedMasterSecret && offered(ExtensionType.extendedMasterSecret) && version !== "sslv3";
  const messages = [
    serverHello(wireOf(version), randomBytes(32), randomBytes(32), code, [
      ...(secureRenegotiation ? [extension(ExtensionType.renegotiationInfo, vector(1))] : []),
      ...(extendedMasterSecret ? [extension(ExtensionType.extendedMasterSecret, Buffer.alloc(0))] : []),
    ]),
  ];
  if (!suite?.anonymous) {
    const chain = config.certificateDer ?? [STUB_CERTIFICATE];
    messages.push(
      handshakeMessage(HandshakeType.certificate, vector(3, ...chain.map((der) => vector(3, der)))),
    );
  }
  const signed = suite?.anonymous ? Buffer.alloc(0) : signature(version);
  if (suite?.kex === "DHE") {
    messages.push(
      handshakeMessage(
        HandshakeType.serverKeyExchange,
        Buffer.concat([dhParams(config.dhBits ?? 2048), signed]),
      ),
    );
  }
  if (suite?.kex === "ECDHE") {
    const group = groupByName(config.ecdheGroup ?? "x25519")?.id ?? 0x001d;
    const params = Buffer.concat([u8(3), u16(group), vector(1, randomBytes(32))]);
    messages.push(handshakeMessage(HandshakeType.serverKeyExchange, Buffer.concat([params, signed])));
  }
  messages.push(handshakeMessage(HandshakeType.serverHelloDone, Buffer.alloc(0)));
  return Buffer.concat(messages);
}

/** A TLS 1.3 ServerHello when the client sent a share for a group the server takes, else a HelloRetryRequest. */
function tls13Flight(hello: TlsClientHello, config: FakeServerConfig, code: number): Buffer | undefined {
  const mine = (config.groups ?? [config.ecdheGroup ?? "x25519"]).flatMap(
    (name) => groupByName(name)?.id ?? [],
  );
  const shared = mine.find((group) => hello.keyShares?.some((share) => share.group === group));
  const retry = mine.find((group) => hello.groups?.includes(group));
  const group = shared ?? retry;
  if (group === undefined) return undefined;
  const keyShare =
    shared === undefined ? u16(group) : Buffer.concat([u16(group), vector(2, randomBytes(32))]);
  return serverHello(
    0x0303,
    shared === undefined ? HELLO_RETRY_RANDOM : randomBytes(32),
    hello.sessionId,
    code,
    [extension(ExtensionType.supportedVersions, u16(0x0304)), extension(ExtensionType.keyShare, keyShare)],
  );
}

/** The bytes to send back for a TLS ClientHello, as records. */
function answerTls(hello: TlsClientHello, config: FakeServerConfig): Buffer[] {
  const version = chooseVersion(hello, config.protocols);
  const recordVersion = Math.min(hello.version, 0x0303);
  if (!version) return [alertRecord(ALERT_PROTOCOL_VERSION, recordVersion)];
  const code = chooseSuite(hello, config, version);
  if (code === undefined) return [alertRecord(ALERT_HANDSHAKE_FAILURE, wireOf(version))];
  if (version === "tls1_3") {
    const flight = tls13Flight(hello, config, code);
    if (!flight) return [alertRecord(ALERT_HANDSHAKE_FAILURE, 0x0303)];
    // What follows a real ServerHello: a compatibility CCS and encrypted records.
    return [
      ...records(ContentType.handshake, 0x0303, flight, config.recordSize),
      ...records(ContentType.changeCipherSpec, 0x0303, Buffer.of(1)),
      ...records(ContentType.applicationData, 0x0303, randomBytes(64)),
    ];
  }
  const wire = Math.min(wireOf(version), 0x0303);
  return records(ContentType.handshake, wire, tls12Flight(hello, config, version, code), config.recordSize);
}

function answerSslv2(hello: Sslv2ClientHello, config: FakeServerConfig): Buffer[] {
  if (!config.protocols.includes("sslv2") || hello.version !== 0x0002) return [];
  const specs = config.ciphers.flatMap((name) => {
    const code = cipherSuiteByName(name)?.code;
    return code !== undefined && code > 0xffff && hello.cipherSpecs.includes(code) ? [code] : [];
  });
  // SSLv2 ERROR, NO-CIPHER-ERROR
  if (specs.length === 0) return [Buffer.concat([u16(0x8003), u8(0), u16(1)])];
  const certificate = config.certificateDer?.[0] ?? STUB_CERTIFICATE;
  const connectionId = randomBytes(16);
  const message = Buffer.concat([
    Buffer.of(4, 0, 1),
    u16(0x0002),
    u16(certificate.length),
    u16(specs.length * 3),
    u16(connectionId.length),
    certificate,
    ...specs.map((code) => u24(code)),
    connectionId,
  ]);
  return [Buffer.concat([u16(0x8000 | message.length), message])];
}

const answer = (hello: ClientHello, config: FakeServerConfig): Buffer[] =>
  hello.format === "sslv2" ? answerSslv2(hello, config) : answerTls(hello, config);

/** Endless HelloRequest records: well-formed TLS that never reaches a ServerHello. */
function flood(socket: net.Socket): void {
  const chunk = records(ContentType.handshake, 0x0303, Buffer.alloc(16_384))[0] ?? Buffer.alloc(0);
  let sent = 0;
  const pump = () => {
    while (sent < FLOOD_BYTES && !socket.destroyed) {
      sent += chunk.length;
      if (!socket.write(chunk)) return socket.once("drain", pump);
    }
    socket.end();
  };
  pump();
}

/** What each behavior does with a connection; "normal" negotiates once the ClientHello is in. */
const behaviors: Record<FakeBehavior, (socket: net.Socket, config: FakeServerConfig) => void> = {
  silent: () => {},
  close: (socket) => socket.end(),
  reset: (socket) => socket.resetAndDestroy(),
  garbage: (socket) => socket.once("data", () => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n")),
  flood: (socket) => socket.once("data", () => flood(socket)),
  alert: (socket) => socket.once("data", () => socket.end(alertRecord(ALERT_HANDSHAKE_FAILURE))),
  normal: (socket, config) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const read = readClientHello(received);
      if (!read.ok) return socket.destroy();
      if ("incomplete" in read.value) return;
      socket.off("data", onData);
      const { hello } = read.value;
      const suites = hello.format === "tls" ? hello.cipherSuites : hello.cipherSpecs;
      if (suites.length > (config.maxCipherSuites ?? Number.POSITIVE_INFINITY)) return socket.destroy();
      // Every record its own write, then hang up as servers do after their flight or an alert.
      for (const record of answer(hello, config)) socket.write(record);
      socket.end();
    };
    socket.on("data", onData);
  },
};

export async function startFakeServer(config: FakeServerConfig): Promise<FakeServer> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    behaviors[config.behavior ?? "normal"](socket, config);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
