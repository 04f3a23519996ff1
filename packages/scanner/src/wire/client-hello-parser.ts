import { ByteReader, WireFormatError } from "./bytes";
import { ContentType, ExtensionType, HandshakeType } from "./extension-types";
import { type ParseResult, parseSafely } from "./parse-result";

export interface TlsClientHello {
  format: "tls";
  recordVersion: number;
  /** legacy_version: the highest version offered without supported_versions. */
  version: number;
  random: Buffer;
  sessionId: Buffer;
  cipherSuites: number[];
  compressionMethods: number[];
  extensions: { type: number; data: Buffer }[];
  servername?: string;
  supportedVersions?: number[];
  groups?: number[];
  keyShares?: { group: number; share: Buffer }[];
  signatureAlgorithms?: number[];
  alpn?: string[];
}

export interface Sslv2ClientHello {
  format: "sslv2";
  version: number;
  cipherSpecs: number[];
  challenge: Buffer;
}

export type ClientHello = TlsClientHello | Sslv2ClientHello;

/** A complete hello and the bytes it took, or how many more bytes are needed to tell. */
export type ClientHelloRead = ParseResult<{ hello: ClientHello; length: number } | { incomplete: true }>;

const u16s = (reader: ByteReader): number[] => {
  const values: number[] = [];
  while (reader.remaining > 0) values.push(reader.u16());
  return values;
};

/** Readers for the extensions a server cares about when choosing its answer. */
const extensionReaders: Record<number, (data: ByteReader, hello: TlsClientHello) => void> = {
  [ExtensionType.serverName]: (data, hello) => {
    const list = data.vector(2);
    while (list.remaining > 0) {
      const type = list.u8();
      const name = list.vector(2).rest();
      if (type === 0) hello.servername = name.toString("ascii");
    }
  },
  [ExtensionType.supportedVersions]: (data, hello) => {
    hello.supportedVersions = u16s(data.vector(1));
  },
  [ExtensionType.supportedGroups]: (data, hello) => {
    hello.groups = u16s(data.vector(2));
  },
  [ExtensionType.signatureAlgorithms]: (data, hello) => {
    hello.signatureAlgorithms = u16s(data.vector(2));
  },
  [ExtensionType.keyShare]: (data, hello) => {
    const list = data.vector(2);
    hello.keyShares = [];
    while (list.remaining > 0) hello.keyShares.push({ group: list.u16(), share: list.vector(2).rest() });
  },
  [ExtensionType.alpn]: (data, hello) => {
    const list = data.vector(2);
    hello.alpn = [];
    while (list.remaining > 0) hello.alpn.push(list.vector(1).rest().toString("ascii"));
  },
};

function parseTlsHello(recordVersion: number, body: ByteReader): TlsClientHello {
  if (body.u8() !== HandshakeType.clientHello) throw new WireFormatError("not a ClientHello");
  const message = body.vector(3);
  const hello: TlsClientHello = {
    format: "tls",
    recordVersion,
    version: message.u16(),
    random: message.bytes(32),
    sessionId: message.vector(1).rest(),
    cipherSuites: u16s(message.vector(2)),
    compressionMethods: [...message.vector(1).rest()],
    extensions: [],
  };
  if (message.remaining === 0) return hello;
  const extensions = message.vector(2);
  while (extensions.remaining > 0) {
    const type = extensions.u16();
    const data = extensions.vector(2).rest();
    hello.extensions.push({ type, data });
    extensionReaders[type]?.(new ByteReader(data), hello);
  }
  return hello;
}

function parseSslv2Hello(message: ByteReader): Sslv2ClientHello {
  if (message.u8() !== 1) throw new WireFormatError("not an SSLv2 CLIENT-HELLO");
  const version = message.u16();
  const specsLength = message.u16();
  const sessionIdLength = message.u16();
  const challengeLength = message.u16();
  if (specsLength % 3 !== 0) throw new WireFormatError("cipher spec list is not a multiple of 3");
  const specs = new ByteReader(message.bytes(specsLength));
  message.bytes(sessionIdLength);
  const cipherSpecs: number[] = [];
  while (specs.remaining > 0) cipherSpecs.push((specs.u8() << 16) | specs.u16());
  return { format: "sslv2", version, cipherSpecs, challenge: message.bytes(challengeLength) };
}

/**
 * Reads the ClientHello at the start of `buffer` (one TLS record, or an SSLv2 record with a
 * 2-byte header), for the test server and for checking what the prober sends.
 */
export function readClientHello(buffer: Buffer): ClientHelloRead {
  return parseSafely(() => {
    const first = buffer[0];
    if (first === undefined || buffer.length < 5) return { incomplete: true as const };
    if (first & 0x80) {
      const length = ((first & 0x7f) << 8) | (buffer[1] ?? 0);
      if (buffer.length < 2 + length) return { incomplete: true as const };
      return { hello: parseSslv2Hello(new ByteReader(buffer.subarray(2, 2 + length))), length: 2 + length };
    }
    if (first !== ContentType.handshake) throw new WireFormatError(`record type ${first} is not a handshake`);
    const length = buffer.readUInt16BE(3);
    if (buffer.length < 5 + length) return { incomplete: true as const };
    const body = new ByteReader(buffer.subarray(5, 5 + length));
    return { hello: parseTlsHello(buffer.readUInt16BE(1), body), length: 5 + length };
  });
}
