import { Redis } from "ioredis";

/**
 * Redis connections for BullMQ. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers (web requests) fail fast instead of queueing
 * commands while Redis is away.
 */
export function createRedisConnection(url: string, role: "worker" | "producer"): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    enableOfflineQueue: role === "worker",
    connectTimeout: 5_000,
    lazyConnect: false,
  });
}
