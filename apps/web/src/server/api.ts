import "server-only";
import { type Api, createApi } from "@port443/api";
import { apiDeps } from "@/api-server/deps";
import { prisma, queues, redis } from "./clients";

const holder = globalThis as typeof globalThis & { __port443Api?: Api };

/**
 * The REST API v1 for Next's route handler (`app/api/v1`), on Next's clients: what `next dev`
 * and a bare `next start` serve. server.mjs, as deployed, hands /api/v1 to the lean server
 * (src/api-server) before Next sees it.
 */
export function api(): Api {
  holder.__port443Api ??= createApi(apiDeps({ prisma: prisma(), queues: queues(), redis: redis() }));
  return holder.__port443Api;
}
