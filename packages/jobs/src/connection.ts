import { Redis } from "ioredis";

/**
 * Redis connections for BullMQ. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers (web requests) give up on a command after one failed
 * reconnection instead of waiting for Redis to come back.
 */
export function createRedisConnection(url: string, role: "worker" | "producer"): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    connectTimeout: 5_000,
  });
}
