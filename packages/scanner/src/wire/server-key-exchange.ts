import type { CipherSuite } from "../data/cipher-suites";
import { ByteReader, WireFormatError } from "./bytes";
import { type ParseResult, parseSafely } from "./parse-result";

export type ServerKeyExchange =
  | { kind: "dh"; primeBits: number; generator: Buffer }
  | { kind: "ecdh"; group: number }
  | { kind: "ecdh_explicit" }
  /** Temporary RSA key of an export suite. */
  | { kind: "rsa"; modulusBits: number };

const NAMED_CURVE = 3;

/** Bits of a big-endian unsigned integer, leading zero bytes ignored. */
export function bitLength(value: Buffer): number {
  const start = value.findIndex((byte) => byte !== 0);
  if (start < 0) return 0;
  return (value.length - start - 1) * 8 + (32 - Math.clz32(value[start] ?? 0));
}

const readers: Partial<Record<CipherSuite["kex"], (reader: ByteReader) => ServerKeyExchange>> = {
  DHE: (reader) => {
    const prime = reader.vector(2).rest();
    return { kind: "dh", primeBits: bitLength(prime), generator: reader.vector(2).rest() };
  },
  ECDHE: (reader) => {
    const curveType = reader.u8();
    return curveType === NAMED_CURVE ? { kind: "ecdh", group: reader.u16() } : { kind: "ecdh_explicit" };
  },
  RSA: (reader) => ({ kind: "rsa", modulusBits: bitLength(reader.vector(2).rest()) }),
};

/**
 * The key exchange parameters at the start of a ServerKeyExchange (the signature after them is
 * not needed). Which parameters come depends on the suite the ServerHello chose.
 */
export function parseServerKeyExchange(
  body: Buffer,
  suite: Pick<CipherSuite, "kex" | "auth">,
): ParseResult<ServerKeyExchange> {
  return parseSafely(() => {
    const read = readers[suite.kex];
    if (!read) throw new WireFormatError(`no ServerKeyExchange parameters for ${suite.kex} key exchange`);
    const reader = new ByteReader(body);
    // (EC)DHE_PSK parameters follow a PSK identity hint (RFC 4279 §3, RFC 5489 §2).
    if (suite.auth === "PSK") reader.vector(2);
    return read(reader);
  });
}
