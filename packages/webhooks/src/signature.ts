import { createHmac, timingSafeEqual } from "node:crypto";

export const signatureHeader = "X-Port443-Signature";

const hmacHex = (secret: string, body: string | Buffer, timestamp: number) =>
  createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");

/**
 * The `X-Port443-Signature` value for a body sent at `timestamp` (unix seconds). The timestamp is
 * signed with the body so a captured request cannot be replayed once it falls out of tolerance.
 */
export function signPayload(secret: string, body: string | Buffer, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, body, timestamp)}`;
}

export interface VerifyOptions {
  /** How far the signed timestamp may be from `now`, either way. */
  toleranceSeconds?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

/**
 * Checks a signature header against the raw body as received (before any JSON parsing). Several
 * `v1` entries are accepted so a sender can sign with an old and a new secret while rotating.
 */
export function verifySignature(
  secret: string,
  body: string | Buffer,
  header: string,
  { toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) }: VerifyOptions = {},
): boolean {
  const entries = header.split(",").map((entry) => entry.trim().split("="));
  const timestamps = entries.filter(([key]) => key === "t").map(([, value]) => value ?? "");
  const [timestamp] = timestamps;
  if (timestamps.length !== 1 || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const signedAt = Number(timestamp);
  if (Math.abs(now - signedAt) > toleranceSeconds) return false;

  const expected = Buffer.from(hmacHex(secret, body, signedAt), "hex");
  return entries
    .filter(([key, value]) => key === "v1" && value !== undefined && /^[0-9a-f]{64}$/i.test(value))
    .some(([, value]) => timingSafeEqual(expected, Buffer.from(value!, "hex")));
}
