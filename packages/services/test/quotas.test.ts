import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import { createTestDatabase, type TestDatabase, testRedisUrl, uniquePrefix } from "@port443/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDomain, addDomains, ensureTeam, LimitError, requestScan, type ServiceContext } from "../src";

describe("team quotas", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let connection: Redis;
  let queues: Queues;
  const quotas = {
    domains: 5,
    manualScansPerHour: 3,
    testWebhooksPerHour: 100,
    invitationsPerHour: 100,
    recipientChangesPerHour: 100,
    minWatchIntervalSeconds: 300,
  };

  beforeAll(async () => {
    db = await createTestDatabase("quotas");
    prisma = createPrismaClient(db.url);
    connection = createRedisConnection(testRedisUrl(), "worker");
    queues = createQueues({ connection, prefix: uniquePrefix("quotas") });
  });
  afterAll(async () => {
    await queues.close();
    await connection.quit();
    await prisma.$disconnect();
    await db.drop();
  });

  const teamContext = async (slug: string): Promise<ServiceContext> => {
    const team = await ensureTeam({ prisma }, { slug, create: true });
    return { prisma, queues, teamId: team.id, role: "member", quotas };
  };

  it("refuses domains past the team's quota, in bulk all or nothing, naming the limit", async () => {
    const ctx = await teamContext("domains");
    await addDomains(ctx, { domains: [1, 2, 3].map((index) => ({ hostname: `d${index}.example` })) });
    const tooMany = addDomains(ctx, {
      domains: [4, 5, 6].map((index) => ({ hostname: `d${index}.example` })),
    });
    await expect(tooMany).rejects.toBeInstanceOf(LimitError);
    await expect(tooMany).rejects.toMatchObject({
      code: "quota_exceeded",
      message:
        "domain quota reached: a team may monitor at most 5 domains and this one has 3, so 3 more do not fit",
    });
    expect(await prisma.domain.count({ where: { teamId: ctx.teamId } })).toBe(3);

    await addDomain(ctx, { hostname: "d4.example" });
    await addDomain(ctx, { hostname: "d5.example" });
    await expect(addDomain(ctx, { hostname: "d6.example" })).rejects.toMatchObject({
      code: "quota_exceeded",
      message: "domain quota reached: a team may monitor at most 5 domains and this one has 5",
    });
    // Another team's quota is its own; an operator (no quotas in the context) is not limited.
    const other = await teamContext("other-domains");
    await addDomain(other, { hostname: "d6.example" });
    await addDomain({ ...ctx, quotas: undefined }, { hostname: "d6.example" });
    expect(await prisma.domain.count({ where: { teamId: ctx.teamId } })).toBe(6);
  });

  it("lets only as many concurrent adds through as the quota has room for", async () => {
    const ctx = await teamContext("race");
    await addDomains(ctx, { domains: [1, 2, 3].map((index) => ({ hostname: `r${index}.example` })) });
    const results = await Promise.allSettled(
      [4, 5, 6, 7, 8, 9].map((index) => addDomain(ctx, { hostname: `r${index}.example` })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    expect(await prisma.domain.count({ where: { teamId: ctx.teamId } })).toBe(5);
  });

  it("limits manual scans per team and hour, saying when the next is possible", async () => {
    const ctx = await teamContext("scans");
    const domain = await addDomain(ctx, { hostname: "scanned.example" });
    for (let scan = 0; scan < quotas.manualScansPerHour; scan++)
      await requestScan(ctx, { domainId: domain.id });
    const refused = await requestScan(ctx, { domainId: domain.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LimitError);
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect((refused as LimitError).message).toMatch(
      /^manual scan rate reached: a team may request 3 scans per hour; the next is possible in (59|60) minutes$/,
    );
    expect((refused as LimitError).retryAfterSeconds).toBeGreaterThan(3_500);
    expect((refused as LimitError).retryAfterSeconds).toBeLessThanOrEqual(3_600);
    expect(await prisma.scan.count({ where: { teamId: ctx.teamId, trigger: "manual" } })).toBe(3);

    // The window slides: once the oldest is an hour old, one more is allowed.
    const oldest = await prisma.scan.findFirstOrThrow({
      where: { teamId: ctx.teamId },
      orderBy: { createdAt: "asc" },
    });
    await prisma.scan.update({
      where: { id: oldest.id },
      data: { createdAt: new Date(Date.now() - 3_601_000) },
    });
    await requestScan(ctx, { domainId: domain.id });
    await expect(requestScan(ctx, { domainId: domain.id })).rejects.toMatchObject({ code: "rate_limited" });
  });
});
