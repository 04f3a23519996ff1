import { randomFillSync } from "node:crypto";

/**
 * The five premaster blocks of the ROBOT test (Böck, Somorovsky, Young 2017), as robot-detect and
 * testssl.sh send them. Each is the RSA plaintext, exactly the modulus long, before encryption:
 * PKCS#1 v1.5 wants 00 02, at least 8 non-zero padding bytes, 00, then the 48-byte premaster
 * (client version, 46 random bytes). A server whose answer tells the broken ones from the good one
 * is a padding oracle.
 */
export const robotVariants = [
  { id: "correct", label: "correct PKCS#1 padding" },
  { id: "wrong_first_bytes", label: "wrong first bytes (41 17 for 00 02)" },
  { id: "misplaced_zero", label: "the 00 separator in the wrong place" },
  { id: "missing_zero", label: "no 00 separator" },
  { id: "wrong_version", label: "a wrong premaster version (02 02)" },
] as const;

export type RobotVariant = (typeof robotVariants)[number]["id"];

/** 00 02, the separator 00 and the 48 premaster bytes: what the padding leaves room for. */
const FIXED_BYTES = 3 + 48;
/** PKCS#1 v1.5 (RFC 8017 §7.2.1) needs at least this much padding. */
const MIN_PADDING = 8;

/**
 * The random parts shared by the variants of one connection. Both are free of zero bytes: a zero
 * anywhere in them would be a separator, and "no separator" or "separator in the wrong place"
 * would no longer be what was sent.
 */
export interface PremasterFill {
  padding: Buffer;
  secret: Buffer;
}

function nonZeroRandom(length: number): Buffer {
  const bytes = randomFillSync(Buffer.alloc(length));
  // Mapping 0 to 1 skews the distribution a little; the server cannot care.
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) bytes[i] = 1;
  return bytes;
}

/** Random padding and secret for a modulus of `modulusBytes`; undefined when the key is too short. */
export function premasterFill(modulusBytes: number): PremasterFill | undefined {
  const paddingLength = modulusBytes - FIXED_BYTES;
  if (paddingLength < MIN_PADDING) return undefined;
  return { padding: nonZeroRandom(paddingLength), secret: nonZeroRandom(46) };
}

/**
 * The plaintext block of `variant`, as long as the modulus (padding.length + 51 bytes).
 * `clientVersion` is the ClientHello's version, which the premaster must start with.
 */
export function premasterBlock(variant: RobotVariant, clientVersion: number, fill: PremasterFill): Buffer {
  const version = Buffer.of(clientVersion >> 8, clientVersion & 0xff);
  const { padding, secret } = fill;
  switch (variant) {
    case "correct":
      return Buffer.concat([Buffer.of(0x00, 0x02), padding, Buffer.of(0x00), version, secret]);
    case "wrong_first_bytes":
      return Buffer.concat([Buffer.of(0x41, 0x17), padding, Buffer.of(0x00), version, secret]);
    // The only zero is second to last: a one-byte "premaster" (and an old JSSE bug's trigger).
    case "misplaced_zero":
      return Buffer.concat([Buffer.of(0x00, 0x02), padding, Buffer.of(0x11), secret, Buffer.of(0x00, 0x11)]);
    case "missing_zero":
      return Buffer.concat([Buffer.of(0x00, 0x02), padding, Buffer.of(0x11, 0x11, 0x11), secret]);
    // Klima, Pokorny and Rosa: servers that check the version after decrypting may leak that too.
    case "wrong_version":
      return Buffer.concat([Buffer.of(0x00, 0x02), padding, Buffer.of(0x00, 0x02, 0x02), secret]);
  }
}
