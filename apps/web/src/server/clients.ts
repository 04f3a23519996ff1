import "server-only";
import { webEnv } from "@port443/config/web";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import type { Redis } from "ioredis";

interface Clients {
  prisma: PrismaClient;
  redis: Redis;
  queues: Queues;
}

/** One Prisma client, one Redis connection and its queues per server process (kept across dev reloads). */
const holder = globalThis as typeof globalThis & { __port443?: Clients };

function clients(): Clients {
  if (!holder.__port443) {
    const env = webEnv();
    const redis = createRedisConnection(env.REDIS_URL, "producer");
    redis.on("error", () => {}); // surfaced by /api/health; ioredis reconnects by itself
    holder.__port443 = {
      prisma: createPrismaClient(env.DATABASE_URL),
      redis,
      queues: createQueues({ connection: redis, prefix: env.PORT443_QUEUE_PREFIX }),
    };
  }
  return holder.__port443;
}

export const prisma = () => clients().prisma;
export const redis = () => clients().redis;
export const queues = () => clients().queues;
