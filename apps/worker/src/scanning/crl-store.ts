import { createHash } from "node:crypto";
import type { CrlStore } from "@port443/scanner";
import type { Redis } from "ioredis";

/**
 * Fetched CRLs in Redis until their nextUpdate, shared by every worker on it: a CA shard behind
 * 10,000 domains is fetched once for the fleet, not once per process. Keys are the URL's hash
 * under the deployment's prefix.
 */
export function redisCrlStore(redis: Redis, prefix: string): CrlStore {
  const key = (url: string) => `${prefix}:crl:${createHash("sha256").update(url).digest("hex")}`;
  return {
    get: async (url) => (await redis.getBuffer(key(url))) ?? undefined,
    set: async (url, der, ttlMs) => {
      await redis.set(key(url), der, "PX", Math.max(1, Math.round(ttlMs)));
    },
  };
}
