import "server-only";
import { webEnv } from "@port443/config/web";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createRedisConnection } from "@port443/jobs";
import type { Redis } from "ioredis";

/** One Prisma client and one Redis connection per server process (kept across dev reloads). */
const holder = globalThis as typeof globalThis & { __port443?: { prisma: PrismaClient; redis: Redis } };

function clients() {
  if (!holder.__port443) {
    const env = webEnv();
    const redis = createRedisConnection(env.REDIS_URL, "producer");
    redis.on("error", () => {}); // surfaced by /api/health; ioredis reconnects by itself
    holder.__port443 = { prisma: createPrismaClient(env.DATABASE_URL), redis };
  }
  return holder.__port443;
}

export const prisma = () => clients().prisma;
export const redis = () => clients().redis;
