import type { PrismaClient } from "@port443/db";
import { apiKeyRevocationsChannel, revokeApiKey } from "@port443/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyCache } from "../src/key-cache";
import { type ApiClient, apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

/** Revokes a key in PostgreSQL alone, as no product path does: nothing is announced. */
const revokeQuietly = (api: TestApi, key: string) =>
  api.prisma.apiKey.updateMany({ where: { prefix: key.slice(0, 11) }, data: { revokedAt: new Date() } });

/** Waits until `count` API processes listen for revocations: keys are kept only from then on. */
async function listening(api: TestApi, count: number) {
  const channel = apiKeyRevocationsChannel(api.queues.system.opts.prefix!);
  for (let attempt = 0; attempt < 100; attempt++) {
    if (Number((await api.redis.pubsub("NUMSUB", channel))[1]) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${count} API processes did not subscribe to ${channel}`);
}

describe("authenticated keys kept per process", () => {
  let api: TestApi;
  let peer: Awaited<ReturnType<TestApi["startPeer"]>>;
  let client: ApiClient;
  let peerClient: ApiClient;
  beforeAll(async () => {
    api = await startTestApi("api_key_cache");
    peer = await api.startPeer();
    client = await apiClient(api.url);
    peerClient = await apiClient(peer.url);
    await listening(api, 2);
  });
  afterAll(async () => {
    await peer?.stop();
    await api?.stop();
  });

  it("refuses a key revoked through one process in another within a second", async () => {
    const key = await api.createKey("acme", ["read"]);
    expect((await peerClient.request("GET", "/domains", { key })).status).toBe(200);
    expect((await client.request("GET", "/domains", { key })).status).toBe(200);
    // Kept: a change in the database alone is not seen for the cache's 10 s.
    await revokeQuietly(api, key);
    expect((await peerClient.request("GET", "/domains", { key })).status).toBe(200);

    const { id } = await api.prisma.apiKey.findFirstOrThrow({ where: { prefix: key.slice(0, 11) } });
    const owner = {
      prisma: api.prisma,
      queues: api.queues,
      redis: api.redis,
      teamId: await api.teamId("acme"),
      role: "owner" as const,
    };
    const revokedAt = Date.now();
    await revokeApiKey(owner, { apiKeyId: id });
    await expect
      .poll(async () => (await peerClient.request("GET", "/domains", { key })).status, { interval: 50 })
      .toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    const refused = await client.request("GET", "/domains", { key });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toContain("revoked");
    // Other keys stay kept and valid.
    const other = await api.createKey("acme", ["read"]);
    expect((await peerClient.request("GET", "/domains", { key: other })).status).toBe(200);
  });
});

describe("a key changed without an announcement", () => {
  let api: TestApi;
  let client: ApiClient;
  beforeAll(async () => {
    api = await startTestApi("api_key_cache_ttl", { keyCacheSeconds: 1 });
    client = await apiClient(api.url);
    await listening(api, 1);
  });
  afterAll(() => api?.stop());

  it("is refused once the cache's time is up", async () => {
    const key = await api.createKey("acme", ["read"]);
    expect((await client.request("GET", "/domains", { key })).status).toBe(200);
    await revokeQuietly(api, key);
    expect((await client.request("GET", "/domains", { key })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const refused = await client.request("GET", "/domains", { key });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toContain("revoked");
  });
});

describe("a key's lookups", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("api_key_lookups");
  });
  afterAll(() => api?.stop());

  it("are one for requests that arrive together, however many", async () => {
    let lookups = 0;
    // The API's own client, counting the key lookups it runs.
    const counting = api.prisma.$extends({
      query: {
        apiKey: {
          findUnique: ({ args, query }) => {
            lookups++;
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const cache = createKeyCache({
      prisma: counting,
      redis: api.redis,
      prefix: api.queues.system.opts.prefix!,
      ttlMs: 10_000,
    });
    try {
      const key = await api.createKey("acme", ["read"]);
      const answers = await Promise.all(Array.from({ length: 20 }, () => cache.authenticate(key)));
      expect(lookups).toBe(1);
      expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
      await expect(
        Promise.all(Array.from({ length: 5 }, () => cache.authenticate(`p443_${"x".repeat(32)}`))),
      ).rejects.toThrow("unknown API key");
      expect(lookups).toBe(2);
    } finally {
      await cache.close();
    }
  });
});
