import "server-only";
import { readFileSync } from "node:fs";
import { type Api, createApi } from "@port443/api";
import { webEnv } from "@port443/config/web";
import { outboundPolicies } from "@port443/net";
import { trustStoreCache } from "@port443/scanner";
import { prisma, queues, redis } from "./clients";
import { teamQuotas } from "./quotas";

const holder = globalThis as typeof globalThis & { __port443Api?: Api };

/** The REST API v1 for this process, with the service's address policy on (unless configured off). */
export function api(): Api {
  if (!holder.__port443Api) {
    const env = webEnv();
    holder.__port443Api = createApi({
      prisma: prisma(),
      queues: queues(),
      redis: redis(),
      publicUrl: env.PUBLIC_URL,
      redisPrefix: env.PORT443_QUEUE_PREFIX,
      // Checks scan whatever host a team names: the scan allow-list (monitored domains) is not theirs.
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
    });
  }
  return holder.__port443Api;
}
