import { randomFillSync } from "node:crypto";
import { type ProtocolId, wireVersionOf } from "../protocols";
import { u8, u16, u16List, u24, vector } from "./bytes";
import {
  encodeExtension,
  extensionBuilders,
  type HelloContext,
  paddingExtension,
} from "./client-hello-extensions";
import { ContentType, HandshakeType, TLS_EMPTY_RENEGOTIATION_INFO_SCSV } from "./extension-types";
import { GROUP_X25519, groupById, groupsFor } from "./groups";
import { offeredSignatureSchemes } from "./signature-schemes";

export type TlsProtocolId = Exclude<ProtocolId, "sslv2">;

export interface ClientHelloOptions {
  version: TlsProtocolId;
  cipherSuites: readonly number[];
  servername?: string;
  /** supported_groups; defaults to every group known for the version. */
  groups?: readonly number[];
  /**
   * TLS 1.3 key shares, as group ids with random-byte shares (x25519, x448). Defaults to x25519
   * when offered; an empty list asks the server to pick a group with a HelloRetryRequest.
   */
  keyShareGroups?: readonly number[];
  signatureAlgorithms?: readonly number[];
  alpn?: readonly string[];
  statusRequest?: boolean;
  /** legacy_session_id; by default empty below TLS 1.3 and 32 random bytes for it. */
  sessionId?: Buffer;
  /** Compression methods in order; default null only. */
  compressionMethods?: readonly number[];
  /** The session_ticket extension's body: a ticket to resume with; default empty (asks for one). */
  sessionTicket?: Buffer;
  /** Extensions sent after the usual ones, as [type, body]: heartbeat, GREASE values, … */
  extraExtensions?: readonly (readonly [number, Buffer])[];
  /** Source of the random, session id and key share bytes; injectable for byte-exact tests. */
  random?: (size: number) => Buffer;
}

/**
 * Random bytes handed out from a pool refilled 4 KB at a time: a scan builds dozens of hellos with
 * three random fields each, and one system call per field was a visible share of a probe's cost.
 * The bytes are copied into the hello before the pool is touched again.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;
function pooledRandom(size: number): Buffer {
  if (size > pool.length) return randomFillSync(Buffer.alloc(size));
  if (used + size > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += size;
  return pool.subarray(used - size, used);
}

function keyShares(options: ClientHelloOptions, groups: readonly number[], random: (size: number) => Buffer) {
  const requested = options.keyShareGroups ?? (groups.includes(GROUP_X25519) ? [GROUP_X25519] : []);
  return requested.flatMap((group) => {
    const length = groupById(group)?.randomShareLength;
    return length === undefined ? [] : [{ group, share: random(length) }];
  });
}

/** The extensions vector, padded as RFC 7685 suggests when the hello lands at 256–511 bytes. */
function extensionBlock(context: HelloContext, lengthBefore: number): Buffer {
  const extensions = extensionBuilders.flatMap(([type, build]) => {
    const body = build(context);
    return body === undefined ? [] : [encodeExtension(type, body)];
  });
  for (const [type, body] of context.extraExtensions) extensions.push(encodeExtension(type, body));
  const length = lengthBefore + 2 + extensions.reduce((sum, extension) => sum + extension.length, 0);
  const padding = paddingExtension(length);
  return vector(2, ...extensions, ...(padding ? [padding] : []));
}

/** One TLS record holding a ClientHello that offers exactly `version`. */
export function buildClientHello(options: ClientHelloOptions): Buffer {
  const random = options.random ?? pooledRandom;
  const { version } = options;
  const tls13 = version === "tls1_3";
  const sslv3 = version === "sslv3";
  const groups = options.groups ?? groupsFor(version);
  const context: HelloContext = {
    tls13,
    tls12Plus: version === "tls1_2" || tls13,
    servername: options.servername,
    groups,
    keyShares: tls13 ? keyShares(options, groups, random) : [],
    signatureAlgorithms: options.signatureAlgorithms ?? offeredSignatureSchemes,
    alpn: options.alpn ?? [],
    statusRequest: options.statusRequest ?? false,
    sessionTicket: options.sessionTicket ?? Buffer.alloc(0),
    extraExtensions: options.extraExtensions ?? [],
  };
  // SSLv3 servers predate extensions; the SCSV signals secure renegotiation instead.
  const suites = sslv3 ? [...options.cipherSuites, TLS_EMPTY_RENEGOTIATION_INFO_SCSV] : options.cipherSuites;
  const head = Buffer.concat([
    u16(wireVersionOf(tls13 ? "tls1_2" : version)),
    random(32),
    // TLS 1.3 middlebox compatibility mode (RFC 8446 §D.4) wants a non-empty session id.
    vector(1, options.sessionId ?? (tls13 ? random(32) : Buffer.alloc(0))),
    vector(2, u16List(suites)),
    vector(1, Buffer.from(options.compressionMethods ?? [0])),
  ]);
  const body = sslv3 ? head : Buffer.concat([head, extensionBlock(context, 4 + head.length)]);
  const message = Buffer.concat([u8(HandshakeType.clientHello), u24(body.length), body]);
  return Buffer.concat([u8(ContentType.handshake), u16(sslv3 ? 0x0300 : 0x0301), vector(2, message)]);
}
