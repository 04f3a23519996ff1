import { createHash, randomBytes } from "node:crypto";

/** Keys look like `p443_` + 32 base62 characters (190 bits): recognizable to secret scanners. */
export const apiKeyPrefix = "p443_";
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const keyLength = 32;
export const apiKeyPattern = /^p443_[0-9A-Za-z]{32}$/;

export function generateApiKey(): string {
  let body = "";
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  while (body.length < keyLength) {
    for (const byte of randomBytes(keyLength)) {
      if (byte < 248 && body.length < keyLength) body += alphabet[byte % 62];
    }
  }
  return apiKeyPrefix + body;
}

/** A fast hash is right here: the key is random and long, so there is nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What lists show: enough to tell keys apart, far too little to use. */
export const displayPrefix = (key: string) => key.slice(0, apiKeyPrefix.length + 6);
