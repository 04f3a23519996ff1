import { hashApiKey } from "@port443/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

describe("GET /audit-events", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  let keyId: string;
  let writeOnly: string;
  let otherKey: string;

  beforeAll(async () => {
    // As the web server hands requests over: the socket's peer last, and no proxy trusted.
    api = await startTestApi("api_audit", {
      clientAddress: (forwardedFor) => forwardedFor?.split(",").at(-1)?.trim() ?? null,
    });
    client = await apiClient(api.url);
    key = await api.createKey("acme");
    keyId = (await api.prisma.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(key) } })).id;
    writeOnly = await api.createKey("acme", ["write"]);
    otherKey = await api.createKey("globex", ["read", "write"]);
  });
  afterAll(() => api?.stop());

  it("lists the team's changes with the key that made them, where from, and what changed", async () => {
    const created = await client.request("POST", "/domains", {
      key,
      body: { hostname: "shop.acme.test", tags: ["web"] },
      headers: { "x-forwarded-for": "203.0.113.50, 198.51.100.23" },
    });
    expect(created.status).toBe(201);
    await client.request("PATCH", `/domains/${created.body.id}`, { key, body: { tags: ["web", "prod"] } });

    const page = await client.request("GET", "/audit-events", { key });
    expect(page.status).toBe(200);
    expect(page.body.items.slice(0, 2)).toEqual([
      expect.objectContaining({
        action: "domain.updated",
        actor: { type: "api_key", id: keyId, name: "API key 'acme test key'" },
        target: { type: "domain", id: created.body.id, label: "shop.acme.test:443" },
        before: { tags: ["web"] },
        after: { tags: ["prod", "web"] },
        clientAddress: null,
      }),
      expect.objectContaining({
        action: "domain.created",
        before: null,
        after: expect.objectContaining({ hostname: "shop.acme.test", port: 443, tags: ["web"] }),
        clientAddress: "198.51.100.23",
      }),
    ]);
  });

  it("shows one team's events only", async () => {
    await client.request("POST", "/domains", { key: otherKey, body: { hostname: "globex.test" } });
    const theirs = await client.request("GET", "/audit-events?limit=200", { key: otherKey });
    expect(theirs.body.items.map((event: { target: { label: string } }) => event.target.label)).toEqual([
      "globex.test:443",
      expect.stringMatching(/^globex test key \(p443_\w+…\)$/),
      "owner@globex.test",
    ]);
    const ours = await client.request("GET", "/audit-events?limit=200", { key });
    expect(JSON.stringify(ours.body)).not.toContain("globex");
  });

  it("needs the read scope", async () => {
    const refused = await client.request("GET", "/audit-events", { key: writeOnly });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('this needs an API key with the "read" scope');
    expect((await client.request("GET", "/audit-events")).status).toBe(401);
  });

  it("pages with cursors, by action or by actor", async () => {
    await client.request("POST", "/domains/bulk", {
      key,
      body: { domains: ["a", "b", "c", "d", "e"].map((name) => ({ hostname: `${name}.acme.test` })) },
    });
    const all = (await client.request("GET", "/audit-events?limit=200", { key })).body.items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await client.request(
        "GET",
        `/audit-events?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        { key },
      );
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((event) => event.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((event: { id: string }) => event.id));
    // The operator's (an owner, two keys made by the test's setup) and the key's own.
    expect(seen).toHaveLength(10);

    const created = await client.request("GET", "/audit-events?action=domain.created&limit=200", { key });
    expect(created.body.items).toHaveLength(6);
    const byKey = await client.request("GET", `/audit-events?actorId=${keyId}&limit=200`, { key });
    expect(byKey.body.items).toHaveLength(7);
    expect(byKey.body.items.every((event: { actor: { id: string } }) => event.actor.id === keyId)).toBe(true);

    const invalid = await client.request("GET", "/audit-events?action=domain.exploded&cursor=nope", { key });
    expect(invalid.status).toBe(422);
    const badCursor = await client.request("GET", "/audit-events?cursor=bm9wZQ", { key });
    expect(badCursor.status).toBe(422);
  });
});
