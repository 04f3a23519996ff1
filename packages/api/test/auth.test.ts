import { revokeApiKey } from "@port443/services";
import { testRedisUrl } from "@port443/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

describe("API keys", () => {
  let api: TestApi;
  let client: ApiClient;
  beforeAll(async () => {
    api = await startTestApi("api_auth");
    client = await apiClient(api.url);
  });
  afterAll(() => api.stop());

  it("answers 401 problem+json without a key, with a malformed one and with an unknown one", async () => {
    for (const key of [undefined, "not-a-key", `p443_${"x".repeat(32)}`]) {
      const response = await client.request("GET", "/domains", { key });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="port443"/);
      expect(response.body).toMatchObject({ type: "urn:port443:problem:unauthorized", status: 401 });
    }
  });

  it("stores only a hash, and records when a key was last used", async () => {
    const key = await api.createKey("acme");
    const row = await api.prisma.apiKey.findFirstOrThrow({ where: { prefix: key.slice(0, 11) } });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.slice(5));
    expect(row.lastUsedAt).toBeNull();
    expect((await client.request("GET", "/domains", { key })).status).toBe(200);
    const used = await api.prisma.apiKey.findUniqueOrThrow({ where: { id: row.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("refuses revoked and expired keys", async () => {
    const revoked = await api.createKey("acme");
    expect((await client.request("GET", "/domains", { key: revoked })).status).toBe(200);
    const { id } = await api.prisma.apiKey.findFirstOrThrow({ where: { prefix: revoked.slice(0, 11) } });
    const owner = {
      prisma: api.prisma,
      queues: api.queues,
      redis: api.redis,
      teamId: await api.teamId("acme"),
      role: "owner" as const,
    };
    await revokeApiKey(owner, { apiKeyId: id });
    const refused = await client.request("GET", "/domains", { key: revoked });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toContain("revoked");

    const expiresAt = new Date(Date.now() + 1_500);
    const expiring = await api.createKey("acme", ["read"], { expiresAt });
    expect((await client.request("GET", "/domains", { key: expiring })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    const expired = await client.request("GET", "/domains", { key: expiring });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toContain("expired");
  });

  it("enforces scopes: read for GET, write for changes, scan for scans and checks", async () => {
    const readOnly = await api.createKey("acme", ["read"]);
    const writeOnly = await api.createKey("acme", ["write"]);
    expect((await client.request("GET", "/domains", { key: readOnly })).status).toBe(200);
    expect((await client.request("GET", "/domains", { key: writeOnly })).status).toBe(403);
    const denied = await client.request("POST", "/domains", {
      key: readOnly,
      body: { hostname: "scoped.example" },
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      type: "urn:port443:problem:forbidden",
      detail: expect.stringContaining('"write"'),
    });
    const created = await client.request("POST", "/domains", {
      key: writeOnly,
      body: { hostname: "scoped.example" },
    });
    expect(created.status).toBe(201);
    expect(
      (await client.request("POST", `/domains/${created.body.id}/scans`, { key: writeOnly })).status,
    ).toBe(403);
    expect(
      (await client.request("POST", "/checks", { key: writeOnly, body: { host: "127.0.0.1" } })).status,
    ).toBe(403);
  });

  it("answers unknown routes with a 404 problem", async () => {
    const key = await api.createKey("acme");
    const response = await fetch(`${api.url}/api/v1/nothing-here`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: "urn:port443:problem:not_found" });
  });
});

describe("rate limit", () => {
  let api: TestApi;
  let client: ApiClient;
  beforeAll(async () => {
    api = await startTestApi("api_ratelimit", { rateLimit: 3, rateLimitWindowSeconds: 2 });
    client = await apiClient(api.url);
  });
  afterAll(() => api.stop());

  it("answers 429 with Retry-After past the limit, per key, and recovers in the next window", async () => {
    const key = await api.createKey("acme", ["read"]);
    const other = await api.createKey("acme", ["read"]);
    // Start at the beginning of a window so the three allowed requests cannot straddle two.
    await new Promise((resolve) => setTimeout(resolve, 2000 - (Date.now() % 2000) + 20));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.request("GET", "/domains", { key })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await client.request("GET", "/domains", { key });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited.body.type).toBe("urn:port443:problem:rate_limited");
    expect((await client.request("GET", "/domains", { key: other })).status).toBe(200);
    await new Promise((resolve) =>
      setTimeout(resolve, Number(limited.headers.get("retry-after")) * 1000 + 50),
    );
    expect((await client.request("GET", "/domains", { key })).status).toBe(200);
  });

  it("counts a key's requests across API processes, with one Redis command a request", async () => {
    const peer = await api.startPeer();
    const peerClient = await apiClient(peer.url);
    // Every command Redis runs, with the connection that sent it: the API's own must be one EVALSHA.
    const monitor = await new Redis(testRedisUrl()).monitor();
    const seen: { source: string; command: string }[] = [];
    monitor.on("monitor", (_time: string, args: string[], source: string) =>
      seen.push({ source, command: args.join(" ") }),
    );
    const address = /\baddr=(\S+)/.exec(String(await api.redis.client("INFO")))?.[1];
    const marked = async (marker: string) => {
      await api.redis.echo(marker);
      await expect.poll(() => seen.some((entry) => entry.command === `echo ${marker}`)).toBe(true);
    };
    try {
      const key = await api.createKey("shared", ["read"]);
      await new Promise((resolve) => setTimeout(resolve, 2000 - (Date.now() % 2000) + 20));
      const first = await client.request("GET", "/domains", { key });
      const second = await peerClient.request("GET", "/domains", { key });
      await marked("before");
      const third = await client.request("GET", "/domains", { key });
      await marked("after");
      const fourth = await peerClient.request("GET", "/domains", { key });
      expect([first, second, third, fourth].map((response) => response.status)).toEqual([200, 200, 200, 429]);
      expect([first, second, third].map((response) => response.headers.get("ratelimit-remaining"))).toEqual([
        "2",
        "1",
        "0",
      ]);
      const own = seen.filter((entry) => entry.source === address).map((entry) => entry.command);
      const during = own.slice(own.indexOf("echo before") + 1, own.indexOf("echo after"));
      expect(during).toHaveLength(1);
      expect(during[0]).toMatch(/^evalsha [0-9a-f]{40} 1 \S+:ratelimit:/i);
    } finally {
      monitor.disconnect();
      await peer.stop();
    }
  });
});
