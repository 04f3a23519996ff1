import type { PrismaClient } from "@port443/db";
import type { Queues } from "@port443/jobs";
import type { AddressPolicy } from "@port443/net";
import type { AcmeDirectories, TrustStore } from "@port443/scanner";
import type { TeamQuotas } from "@port443/services";
import type { Redis } from "ioredis";

/** Everything the API needs from its host process (apps/web, or a test server). */
export interface ApiDeps {
  prisma: PrismaClient;
  queues: Queues;
  /** Rate-limit counters and idempotency records. */
  redis: Redis;
  addressPolicy: AddressPolicy;
  trustStoreFor(teamCaPem: string | null): TrustStore;
  /** ACME directories for renewal information (PORT443_ACME_DIRECTORIES). */
  acmeDirectories?: AcmeDirectories;
  /** Requests per key and window (a minute unless `rateLimitWindowSeconds` says otherwise). */
  rateLimit: number;
  /** Tests shorten the window to see a limit recover. */
  rateLimitWindowSeconds?: number;
  /**
   * How long an authenticated key is kept in the process (10 s unless given): revocations
   * announced through Redis take effect at once, anything else within this. Tests shorten it.
   */
  keyCacheSeconds?: number;
  /** Largest request body in bytes (PORT443_API_MAX_BODY_BYTES); bulk imports may send more. */
  maxBodyBytes: number;
  checkTimeoutMs: number;
  checksAtOnce: number;
  /** Of those, how many one team may run at once (its further checks wait for one of its own). */
  checksPerTeam: number;
  /** The deployment's per-team limits, which every request's service context carries. */
  quotas: TeamQuotas;
  /**
   * The client's address from a request's X-Forwarded-For (the web server appends the socket's
   * peer; PORT443_TRUSTED_PROXIES says how far left to believe), kept with each change in the
   * audit log; without it changes are recorded with none.
   */
  clientAddress?(forwardedFor: string | null): string | null;
  /** Where the API is reached from outside (the document's server). */
  publicUrl: string;
  /**
   * Key prefix in Redis, so deployments (and test runs) sharing one Redis keep apart; the same as
   * the queues' (revocations are announced under theirs).
   */
  redisPrefix?: string;
}
