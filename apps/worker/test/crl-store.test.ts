import { createRedisConnection } from "@port443/jobs";
import { CrlSource } from "@port443/scanner";
import { createChain, createCrl, startHttpServer, testRedisUrl, uniquePrefix } from "@port443/testing";
import { afterAll, describe, expect, it } from "vitest";
import { redisCrlStore } from "../src/scanning/crl-store";

describe("CRLs shared through Redis", () => {
  const redis = createRedisConnection(testRedisUrl(), "worker");
  afterAll(() => redis.quit());

  it("lets a second worker process use the CRL the first fetched, until its nextUpdate", async () => {
    const { intermediate, leaf } = await createChain();
    const crl = createCrl({
      issuer: intermediate,
      revoked: [{ cert: leaf }],
      nextUpdate: new Date(Date.now() + 3_600_000),
    });
    const http = await startHttpServer({ "/shard.crl": { body: crl, type: "application/pkix-crl" } });
    try {
      const prefix = uniquePrefix("crl");
      const options = { policy: { check: () => ({ allowed: true as const }) }, timeoutMs: 2_000 };
      // Two workers: each its own process memory, one Redis.
      const first = new CrlSource(redisCrlStore(redis, prefix));
      const second = new CrlSource(redisCrlStore(redis, prefix));
      const fetched = await first.get(http.url("/shard.crl"), options);
      const shared = await second.get(http.url("/shard.crl"), options);
      expect(fetched).toMatchObject({ ok: true, cached: false });
      expect(shared).toMatchObject({ ok: true, cached: true });
      expect(first.fetches + second.fetches).toBe(1);
      expect(http.connections).toBe(1);
      const ttl = await redis.pttl((await redis.keys(`${prefix}:crl:*`))[0]!);
      expect(ttl).toBeGreaterThan(3_500_000);
      expect(ttl).toBeLessThanOrEqual(3_600_000);
    } finally {
      await http.close();
    }
  });
});
