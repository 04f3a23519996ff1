import { createHmac } from "node:crypto";

/** RFC 4648 base32, as an otpauth URI carries the secret. */
function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/=+$/, "").toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)));
}

/**
 * The code an authenticator app shows for an otpauth:// URI (RFC 6238 over RFC 4226: HMAC of the
 * 30-second step, dynamic truncation), computed here as the app would, so tests sign in with a
 * real code rather than one the server hands out.
 */
export function totpCode(otpauthUri: string, at: number = Date.now()): string {
  const uri = new URL(otpauthUri);
  const secret = base32Decode(uri.searchParams.get("secret") ?? "");
  const digits = Number(uri.searchParams.get("digits") ?? 6);
  const period = Number(uri.searchParams.get("period") ?? 30);
  const algorithm = (uri.searchParams.get("algorithm") ?? "SHA1").toLowerCase();
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / period)));
  const mac = createHmac(algorithm, secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, "0");
}

/** The secret's base32 text, as an app offers it to type in by hand. */
export const totpSecret = (otpauthUri: string) => new URL(otpauthUri).searchParams.get("secret") ?? "";
