import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { processEnv } from "@port443/config";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import {
  apiKeyRevocationsChannel,
  createApiKey,
  ensureTeam,
  revokeApiKey,
  type ServiceContext,
} from "@port443/services";
import {
  createChain,
  createTestDatabase,
  type Served,
  startTlsServer,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../src/security-headers";
import { startWeb } from "./support/web";

/**
 * The REST API as the production build serves it: server.mjs's lean path beside Next.js (the
 * API's own suite covers every endpoint in depth).
 */
describe("REST API in the production build", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let tls: Served;
  let key: string;
  let owner: ServiceContext;
  let redis: Redis;
  let queues: Queues;
  const prefix = uniquePrefix("web-api");
  beforeAll(async () => {
    db = await createTestDatabase("web_api");
    prisma = createPrismaClient(db.url);
    const chain = await createChain({
      leaf: { subject: "CN=127.0.0.1", dnsNames: [], ipAddresses: ["127.0.0.1"] },
    });
    tls = await startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" });
    const team = await ensureTeam({ prisma }, { slug: "acme", create: true });
    await prisma.team.update({ where: { id: team.id }, data: { privateCaPem: chain.root.pem } });
    redis = createRedisConnection(testRedisUrl(), "producer");
    queues = createQueues({ connection: redis, prefix });
    owner = { prisma, queues, redis, teamId: team.id, role: "owner" };
    key = (await createApiKey(owner, { name: "pipeline", scopes: ["read", "write", "scan"] })).secret;
    web = await startWeb({
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      PORT443_QUEUE_PREFIX: prefix,
      PORT443_ALLOW_PRIVATE_TARGETS: "true",
      PORT443_TRUSTED_PROXIES: "1",
      PUBLIC_URL: "https://port443.test",
    });
  });
  afterAll(async () => {
    web?.stop();
    await queues?.close();
    redis?.disconnect();
    await tls?.close();
    await prisma.$disconnect();
    await db.drop();
  });

  const call = (method: string, path: string, body?: unknown, auth = key) =>
    fetch(`${web.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${auth}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("serves the OpenAPI 3.1 document with the public address as its server", async () => {
    const response = await fetch(`${web.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://port443.test" }]);
    expect(Object.keys(document.paths)).toContain("/api/v1/checks");
  });

  it("adds and lists domains with a key, and answers problem+json without one", async () => {
    const created = await call("POST", "/domains", { hostname: "web.example", tags: ["prod"] });
    expect(created.status).toBe(201);
    const list = await (await call("GET", "/domains?tag=prod")).json();
    expect(list.items.map((domain: { hostname: string }) => domain.hostname)).toEqual(["web.example"]);
    const refused = await call("GET", "/domains", undefined, "p443_wrong");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
  });

  it("sends the site's security headers with API responses, and redirects a trailing slash as before", async () => {
    const response = await call("GET", "/domains");
    expect(response.status).toBe(200);
    for (const { key: name, value } of securityHeaders) expect(response.headers.get(name)).toBe(value);
    const slashed = await fetch(`${web.url}/api/v1/domains/?tag=prod`, {
      headers: { authorization: `Bearer ${key}` },
      redirect: "manual",
    });
    expect(slashed.status).toBe(308);
    expect(slashed.headers.get("location")).toBe("/api/v1/domains?tag=prod");
  });

  it("takes bodies without a Content-Length and empty ones: a chunked POST, a DELETE", async () => {
    const chunked = await fetch(`${web.url}/api/v1/domains`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: new Blob([JSON.stringify({ hostname: "chunked.example" })]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(201);
    const { id } = await chunked.json();
    expect((await call("DELETE", `/domains/${id}`)).status).toBe(204);
    expect((await call("GET", `/domains/${id}`)).status).toBe(404);
  });

  it("audits a key's change with the client's address, as the one trusted proxy reported it", async () => {
    const response = await fetch(`${web.url}/api/v1/domains`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        // The proxy's own entry; the one left of it was the client's to write.
        "x-forwarded-for": "198.51.100.7, 203.0.113.9",
      },
      body: JSON.stringify({ hostname: "audited.example" }),
    });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "domain.created", targetId: id },
    });
    expect(event).toMatchObject({ actorName: "API key 'pipeline'", clientAddress: "203.0.113.9" });
  });

  it("refuses a key within a second of its revocation elsewhere, though it keeps keys for 10 s", async () => {
    const revoked = await createApiKey(owner, { name: "leaked", scopes: ["read"] });
    // The server subscribes as it starts; until it has, it keeps no key and this proves nothing.
    const channel = apiKeyRevocationsChannel(prefix);
    await expect.poll(async () => Number((await redis.pubsub("NUMSUB", channel))[1])).toBe(1);
    expect((await call("GET", "/domains", undefined, revoked.secret)).status).toBe(200);
    // Kept: a change in the database alone is not seen yet.
    await prisma.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect((await call("GET", "/domains", undefined, revoked.secret)).status).toBe(200);
    const revokedAt = Date.now();
    await revokeApiKey(owner, { apiKeyId: revoked.id });
    await expect
      .poll(async () => (await call("GET", "/domains", undefined, revoked.secret)).status, { interval: 50 })
      .toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
  });

  it("runs a synchronous check against a local TLS server", async () => {
    const response = await call("POST", "/checks", {
      host: "127.0.0.1",
      port: tls.port,
      policy: { minGrade: "A" },
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ passed: true, reasons: [], report: { grade: "A+", trusted: true } });
  });

  it("serves the pipeline command, which gates on the policy: exit 0 on a good endpoint, 1 on a weak one", async () => {
    const response = await fetch(`${web.url}/cli/port443.mjs`);
    expect(response.status).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), "port443-cli-"));
    try {
      const cli = path.join(dir, "port443.mjs");
      await writeFile(cli, Buffer.from(await response.arrayBuffer()));
      const check = (...args: string[]) =>
        new Promise<{ code: number | null; stdout: string }>((resolve) => {
          const child = spawn(process.execPath, [cli, "check", ...args], {
            env: {
              NODE_ENV: "production",
              PATH: processEnv().PATH,
              PORT443_API_URL: web.url,
              PORT443_TOKEN: key,
              NO_COLOR: "1",
            },
          });
          let stdout = "";
          child.stdout.on("data", (chunk) => {
            stdout += chunk;
          });
          child.on("close", (code) => resolve({ code, stdout }));
        });
      const pass = await check(`127.0.0.1:${tls.port}`, "--min-days", "14", "--min-grade", "A");
      expect(pass.stdout).toMatch(/^PASS 127\.0\.0\.1:\d+ +grade A\+/);
      expect(pass.code).toBe(0);
      const fail = await check(`127.0.0.1:${tls.port}`, "--min-days", "400");
      expect(fail.code).toBe(1);
      expect(fail.stdout).toMatch(/^FAIL /);
      expect(fail.stdout).toContain("below the required 400");
      expect((await check(`127.0.0.1:${tls.port}`, "--token", "p443_revoked")).code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("serves the API reference page and its bundle from this server, no CDN", async () => {
    const page = await fetch(`${web.url}/docs/api`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-url="/api/v1/openapi.json"');
    expect(html).not.toMatch(/cdn\.|jsdelivr|unpkg/);
    const bundle = await fetch(`${web.url}/vendor/scalar-api-reference.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toContain("javascript");
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  });
});
