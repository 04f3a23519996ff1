import type { PrismaClient } from "@port443/db";
import { apiKeyRevocationsChannel, authenticateApiKey, hashApiKey } from "@port443/services";
import type { Redis } from "ioredis";

type AuthenticatedKey = Awaited<ReturnType<typeof authenticateApiKey>>;

/** Keys kept at most; past that the longest kept goes first. */
const maxEntries = 10_000;

export interface KeyCache {
  /** The key's owner and scopes; throws the service's "unauthorized" errors. */
  authenticate(secret: string): Promise<AuthenticatedKey>;
  /** Ends the subscription. */
  close(): Promise<void>;
}

/**
 * Authenticated keys, kept for `ttlMs` so that most requests skip the key lookup in PostgreSQL.
 * Revocations reach every process through Redis (`revokeApiKey` announces them): a connection
 * of this cache's own subscribes, and a revoked key's entry is dropped the moment its id
 * arrives. Nothing is kept while that subscription is not confirmed (at start, after a lost
 * connection), since announcements may have been missed, and a lookup that began before an
 * announcement is not kept either. The TTL bounds the rest: an announcement that was never
 * published (Redis unreachable from the revoking process) or a change made in the database alone.
 * Expiry is checked on every request; lastUsedAt is written by the lookups, at most a TTL late.
 */
export function createKeyCache(options: {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  ttlMs: number;
}): KeyCache {
  const { prisma, ttlMs } = options;
  const entries = new Map<string, { key: AuthenticatedKey; until: number }>();
  // One lookup per key at a time: requests arriving while it runs wait for its answer, so a key
  // coming back into use (or its entry expiring) under load costs one query, not one per request.
  const lookups = new Map<string, Promise<AuthenticatedKey>>();
  let subscribed = false;
  // Bumped whenever kept answers may have gone stale: a lookup that began under an older
  // generation is not kept.
  let generation = 0;
  const forgetAll = () => {
    generation++;
    entries.clear();
  };

  const channel = apiKeyRevocationsChannel(options.prefix);
  const subscriber = options.redis.duplicate({ autoResubscribe: false });
  subscriber.on("error", () => {}); // ioredis reconnects by itself; meanwhile every request looks its key up
  subscriber.on("close", () => {
    subscribed = false;
    forgetAll();
  });
  subscriber.on("ready", () => {
    subscriber.subscribe(channel).then(
      () => {
        forgetAll();
        subscribed = true;
      },
      () => {}, // the connection dropped again; its next "ready" retries
    );
  });
  subscriber.on("message", (_channel: string, apiKeyId: string) => {
    generation++;
    lookups.clear(); // a lookup already running may have read the key before its revocation
    for (const [hash, entry] of entries) if (entry.key.id === apiKeyId) entries.delete(hash);
  });

  const lookUp = (hash: string, secret: string) => {
    const lookedUpIn = generation;
    const lookup = authenticateApiKey({ prisma }, secret)
      .then((key) => {
        if (subscribed && lookedUpIn === generation) {
          entries.delete(hash);
          entries.set(hash, { key, until: Date.now() + ttlMs });
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
        }
        return key;
      })
      .finally(() => {
        if (lookups.get(hash) === lookup) lookups.delete(hash);
      });
    lookups.set(hash, lookup);
    return lookup;
  };

  return {
    async authenticate(secret) {
      const hash = hashApiKey(secret);
      const kept = entries.get(hash);
      const now = Date.now();
      if (kept && kept.until > now && !(kept.key.expiresAt && kept.key.expiresAt.getTime() <= now))
        return kept.key;
      // An expired key is looked up too: the service says why it is refused.
      return lookups.get(hash) ?? lookUp(hash, secret);
    },
    async close() {
      subscribed = false;
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
