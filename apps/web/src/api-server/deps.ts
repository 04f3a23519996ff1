import { readFileSync } from "node:fs";
import type { ApiDeps } from "@port443/api";
import { clientAddress } from "@port443/auth/client-address";
import { webEnv } from "@port443/config/web";
import type { PrismaClient } from "@port443/db";
import type { Queues } from "@port443/jobs";
import { outboundPolicies } from "@port443/net";
import { trustStoreCache } from "@port443/scanner";
import type { Redis } from "ioredis";
import { teamQuotas } from "../server/quotas";

/**
 * The REST API's dependencies from the web's environment and a process's clients: the lean
 * server's own (production) or Next's (the route handler `next dev` serves). Checks scan any
 * host a team names, so they take the service's strict address policy (unless configured off),
 * not the scan allow-list of monitored domains.
 */
export function apiDeps(clients: { prisma: PrismaClient; queues: Queues; redis: Redis }): ApiDeps {
  const env = webEnv();
  return {
    ...clients,
    publicUrl: env.PUBLIC_URL,
    redisPrefix: env.PORT443_QUEUE_PREFIX,
    addressPolicy: outboundPolicies({ allowPrivate: env.PORT443_ALLOW_PRIVATE_TARGETS }).strict,
    trustStoreFor: trustStoreCache(
      env.PORT443_EXTRA_CA_FILE ? readFileSync(env.PORT443_EXTRA_CA_FILE, "utf8") : null,
    ),
    acmeDirectories: env.PORT443_ACME_DIRECTORIES,
    rateLimit: env.PORT443_API_RATE_LIMIT,
    maxBodyBytes: env.PORT443_API_MAX_BODY_BYTES,
    checkTimeoutMs: env.PORT443_CHECK_TIMEOUT_MS,
    checksAtOnce: env.PORT443_CHECKS_AT_ONCE,
    checksPerTeam: env.PORT443_CHECKS_PER_TEAM,
    quotas: teamQuotas(),
    clientAddress: (forwardedFor) => clientAddress(forwardedFor, env.PORT443_TRUSTED_PROXIES),
  };
}
