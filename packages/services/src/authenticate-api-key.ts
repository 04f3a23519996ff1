import { apiKeyPattern, hashApiKey } from "./api-key-secret";
import type { OperatorContext } from "./context";
import { ServiceError } from "./errors";

/** lastUsedAt is written at most this often per key. */
const touchIntervalMs = 60_000;

/**
 * Who a bearer key belongs to, its name (the audit log's actor) and until when it is valid
 * (callers that keep the answer must stop at `expiresAt`). Every refusal is "unauthorized"; the
 * message says why (the caller holds the key, so "revoked" or "expired" tells them nothing they
 * could not know).
 */
export async function authenticateApiKey(ctx: OperatorContext, key: string) {
  if (!apiKeyPattern.test(key)) throw new ServiceError("unauthorized", "malformed API key");
  const found = await ctx.prisma.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: {
      id: true,
      teamId: true,
      name: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!found) throw new ServiceError("unauthorized", "unknown API key");
  if (found.revokedAt) throw new ServiceError("unauthorized", "this API key was revoked");
  const now = new Date();
  if (found.expiresAt && found.expiresAt <= now)
    throw new ServiceError("unauthorized", "this API key has expired");
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > touchIntervalMs) {
    await ctx.prisma.apiKey.updateMany({
      where: {
        id: found.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - touchIntervalMs) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return {
    id: found.id,
    teamId: found.teamId,
    name: found.name,
    scopes: found.scopes,
    expiresAt: found.expiresAt,
  };
}
