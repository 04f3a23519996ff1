import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { apiBasePath, createApi } from "@port443/api";
import { webEnv } from "@port443/config/web";
import { createPrismaClient } from "@port443/db";
import { createQueues, createRedisConnection } from "@port443/jobs";
import { securityHeaders } from "../security-headers";
import { apiDeps } from "./deps";

/** A request target (path and query, as Node reads it) under /api/v1. */
const apiTarget = new RegExp(`^${apiBasePath}(?:[/?]|$)`);

/**
 * The REST API v1 as server.mjs serves it in production: the Hono app on @hono/node-server's
 * request listener, beside Next.js in the same process but not through it (Next's routing and
 * route-handler wrapping cost more CPU per request than the API itself). Its Prisma client, Redis
 * connection and queues are its own, so API load cannot take the dashboard's connections; the
 * responses carry the security headers Next.js sends (`next.config.ts`). Built by tsup into
 * dist/api-server.js (`pnpm build`).
 */
export function createApiServer() {
  const env = webEnv();
  const redis = createRedisConnection(env.REDIS_URL, "producer");
  redis.on("error", () => {}); // surfaced by /api/health; ioredis reconnects by itself
  const prisma = createPrismaClient(env.DATABASE_URL);
  const queues = createQueues({ connection: redis, prefix: env.PORT443_QUEUE_PREFIX });
  const api = createApi(apiDeps({ prisma, queues, redis }));
  // Next.js serves the rest of the process: node-server's lighter global Request and Response
  // would replace those Next.js relies on.
  const listener = getRequestListener(api.fetch, { overrideGlobalObjects: false });
  return {
    serves: (url: string) => apiTarget.test(url),
    handle(request: IncomingMessage, response: ServerResponse) {
      for (const { key, value } of securityHeaders) response.setHeader(key, value);
      return listener(request, response);
    },
    async close() {
      await api.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await prisma.$disconnect();
    },
  };
}
