import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import { createTestDatabase, type TestDatabase, testRedisUrl, uniquePrefix } from "@port443/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiKeyRevocationsChannel,
  authenticateApiKey,
  createApiKey,
  ensureTeam,
  revokeApiKey,
  type ServiceContext,
} from "../src";

describe("API keys", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let connection: Redis;
  let subscriber: Redis;
  let queues: Queues;
  let owner: ServiceContext;
  const announced: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("services_api_keys");
    prisma = createPrismaClient(db.url);
    connection = createRedisConnection(testRedisUrl(), "producer");
    const prefix = uniquePrefix("api-keys");
    queues = createQueues({ connection, prefix });
    subscriber = createRedisConnection(testRedisUrl(), "producer");
    await subscriber.subscribe(apiKeyRevocationsChannel(prefix));
    subscriber.on("message", (_channel: string, id: string) => announced.push(id));
    const team = await ensureTeam({ prisma }, { slug: "keys", create: true });
    owner = { prisma, queues, redis: connection, teamId: team.id, role: "owner" };
  });
  afterAll(async () => {
    subscriber?.disconnect();
    await queues?.close();
    connection?.disconnect();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("authenticates a key with its team, scopes and expiry", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000);
    const key = await createApiKey(owner, { name: "ci", scopes: ["read", "scan"], expiresAt });
    expect(await authenticateApiKey({ prisma }, key.secret)).toEqual({
      id: key.id,
      teamId: owner.teamId,
      name: "ci",
      scopes: ["read", "scan"],
      expiresAt,
    });
  });

  it("announces a revocation under the queues' prefix once it is committed, again when repeated", async () => {
    const key = await createApiKey(owner, { name: "leaked", scopes: ["read"] });
    const first = await revokeApiKey(owner, { apiKeyId: key.id });
    await expect.poll(() => announced.filter((id) => id === key.id).length).toBe(1);
    await expect(authenticateApiKey({ prisma }, key.secret)).rejects.toThrow("this API key was revoked");
    // A second revocation keeps the first time, and tells the caches again (one may have missed it).
    const second = await revokeApiKey(owner, { apiKeyId: key.id });
    expect(second.revokedAt).toEqual(first.revokedAt);
    await expect.poll(() => announced.filter((id) => id === key.id).length).toBe(2);
  });

  it("announces nothing when the revocation is refused", async () => {
    const key = await createApiKey(owner, { name: "kept", scopes: ["read"] });
    await expect(revokeApiKey({ ...owner, role: "member" }, { apiKeyId: key.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      revokeApiKey(
        { ...owner, teamId: (await ensureTeam({ prisma }, { slug: "other", create: true })).id },
        {
          apiKeyId: key.id,
        },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    // An announcement made after this one proves the earlier ones would have arrived by now.
    await connection.publish(apiKeyRevocationsChannel(queues.system.opts.prefix!), "marker");
    await expect.poll(() => announced.at(-1)).toBe("marker");
    expect(announced).not.toContain(key.id);
    expect((await authenticateApiKey({ prisma }, key.secret)).id).toBe(key.id);
  });
});
