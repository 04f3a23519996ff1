import { serve } from "@hono/node-server";
import type { ApiScope } from "@port443/db";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import { createAddressPolicy } from "@port443/net";
import { trustStoreCache } from "@port443/scanner";
import { createApiKey, ensureTeam, type TeamQuotas } from "@port443/services";
import {
  createTestDatabase,
  freePort,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import type { Redis } from "ioredis";
import { type ApiDeps, createApi } from "../../src";

export interface TestApi {
  url: string;
  prisma: PrismaClient;
  queues: Queues;
  redis: Redis;
  /** A new key for the team (created when new); returns the secret. */
  createKey(team: string, scopes?: ApiScope[], options?: { expiresAt?: Date }): Promise<string>;
  teamId(slug: string): Promise<string>;
  /**
   * Another API process over the same database and Redis prefix (its own Prisma client, Redis
   * connection and key cache), as a second web server of the deployment would be.
   */
  startPeer(): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

type Options = Partial<
  Pick<
    ApiDeps,
    | "rateLimit"
    | "rateLimitWindowSeconds"
    | "keyCacheSeconds"
    | "maxBodyBytes"
    | "checkTimeoutMs"
    | "checksAtOnce"
    | "checksPerTeam"
    | "clientAddress"
  >
> & {
  allowPrivateTargets?: boolean;
  /** Over generous defaults. */
  quotas?: Partial<TeamQuotas>;
};

/** The API on @hono/node-server, as apps/web's server.mjs serves it (src/api-server), on a free port. */
async function serveApi(databaseUrl: string, prefix: string, options: Options) {
  const prisma = createPrismaClient(databaseUrl);
  const redis = createRedisConnection(testRedisUrl(), "producer");
  const queues = createQueues({ connection: redis, prefix });
  const port = await freePort();
  const api = createApi({
    publicUrl: `http://127.0.0.1:${port}`,
    prisma,
    queues,
    redis,
    redisPrefix: prefix,
    addressPolicy: createAddressPolicy({ allowPrivate: options.allowPrivateTargets ?? true }),
    trustStoreFor: trustStoreCache(null),
    rateLimit: options.rateLimit ?? 10_000,
    rateLimitWindowSeconds: options.rateLimitWindowSeconds,
    keyCacheSeconds: options.keyCacheSeconds,
    maxBodyBytes: options.maxBodyBytes ?? 1_048_576,
    checkTimeoutMs: options.checkTimeoutMs ?? 30_000,
    checksAtOnce: options.checksAtOnce ?? 4,
    checksPerTeam: options.checksPerTeam ?? 4,
    clientAddress: options.clientAddress,
    quotas: {
      domains: 10_000,
      manualScansPerHour: 1_000,
      testWebhooksPerHour: 1_000,
      invitationsPerHour: 1_000,
      recipientChangesPerHour: 1_000,
      minWatchIntervalSeconds: 60,
      ...options.quotas,
    },
  });
  // As apps/web serves it: beside Next.js, so without node-server's global Request and Response.
  const server = serve({ fetch: api.fetch, port, hostname: "127.0.0.1", overrideGlobalObjects: false });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    prisma,
    queues,
    redis,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await prisma.$disconnect();
    },
  };
}

/**
 * The REST API on a real port, over a fresh clone of the test database and the run's Redis: what
 * apps/web's server.mjs serves, minus the environment and security headers (tested against the
 * production build there).
 */
export async function startTestApi(name: string, options: Options = {}): Promise<TestApi> {
  const db: TestDatabase = await createTestDatabase(name);
  const prefix = uniquePrefix(name);
  const served = await serveApi(db.url, prefix, options);
  const { prisma, queues } = served;

  const teamId = async (slug: string) =>
    (await ensureTeam({ prisma }, { slug, create: true, ownerEmail: `owner@${slug}.test` })).id;
  return {
    url: served.url,
    prisma,
    queues,
    redis: served.redis,
    teamId,
    async createKey(team, scopes = ["read", "write", "scan"], keyOptions = {}) {
      const ctx = { prisma, queues, teamId: await teamId(team), role: "owner" as const };
      return (await createApiKey(ctx, { name: `${team} test key`, scopes, ...keyOptions })).secret;
    },
    startPeer: () => serveApi(db.url, prefix, options),
    async stop() {
      await served.stop();
      await db.drop();
    },
  };
}
