import { DEFAULT_PREFIX } from "@port443/jobs";
import type { ServiceContext } from "./context";

/**
 * Where revoked key ids are announced, under the deployment's prefix (PORT443_QUEUE_PREFIX, the
 * queues'): every API process keeps authenticated keys for a few seconds and drops a key the
 * moment it hears of it.
 */
export const apiKeyRevocationsChannel = (prefix: string) => `${prefix}:api-keys:revoked`;

/**
 * Publishes a revoked key's id. A lost announcement only delays the refusal until the API
 * processes' caches expire, so a Redis failure does not fail the revocation.
 */
export async function announceRevocation(ctx: ServiceContext, apiKeyId: string) {
  if (!ctx.redis) return;
  const channel = apiKeyRevocationsChannel(ctx.queues.system.opts.prefix ?? DEFAULT_PREFIX);
  try {
    await ctx.redis.publish(channel, apiKeyId);
  } catch {
    // Revoked in PostgreSQL already: the caches' expiry refuses the key within seconds.
  }
}
