import { randomBytes } from "node:crypto";

/** 18 random bytes: 144 bits, 24 base64url characters with no padding. */
export const badgeTokenPattern = /^[A-Za-z0-9_-]{24}$/;

export const generateBadgeToken = () => randomBytes(18).toString("base64url");

/** Where a badge is served: `/badges/<token>.svg` under the deployment's public URL; null when off. */
export function badgeUrl(publicUrl: string, token: string | null): string | null {
  return token === null ? null : new URL(`/badges/${token}.svg`, publicUrl).toString();
}
