import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import { createTestDatabase, type TestDatabase, testRedisUrl, uniquePrefix } from "@port443/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDomain, ensureTeam, type ServiceContext, ServiceError } from "../src";

describe("addDomain", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let connection: Redis;
  let queues: Queues;
  let ctx: ServiceContext;

  beforeAll(async () => {
    db = await createTestDatabase("services");
    prisma = createPrismaClient(db.url);
    connection = createRedisConnection(testRedisUrl(), "worker");
    queues = createQueues({ connection, prefix: uniquePrefix("services") });
    const team = await ensureTeam({ prisma }, { slug: "acme", create: true, ownerEmail: "owner@acme.test" });
    ctx = { prisma, queues, teamId: team.id, role: "member" };
  });
  afterAll(async () => {
    await queues.close();
    await connection.quit();
    await prisma.$disconnect();
    await db.drop();
  });

  it("stores IDNs in punycode and queues a scan right away", async () => {
    const domain = await addDomain(ctx, { hostname: "Bücher.Example", port: 8443 });
    expect(domain).toMatchObject({ hostname: "xn--bcher-kva.example", port: 8443, teamId: ctx.teamId });
    // Inserted already claimed: there is no moment at which a tick could see it due and scan it twice.
    expect(domain.nextScanAt.getTime()).toBeGreaterThan(Date.now());
    const stored = await prisma.domain.findUniqueOrThrow({ where: { id: domain.id } });
    const waiting = await queues.scans.getJobs(["waiting", "prioritized"]);
    expect(waiting.map((job) => job.data)).toContainEqual({
      domainId: domain.id,
      lease: stored.nextScanAt.getTime(),
    });
  });

  it("refuses an invalid hostname, a duplicate, and a viewer", async () => {
    await expect(addDomain(ctx, { hostname: "bad host" })).rejects.toMatchObject({
      code: "validation",
      field: "hostname",
    });
    await addDomain(ctx, { hostname: "dup.example" });
    await expect(addDomain(ctx, { hostname: "DUP.example." })).rejects.toMatchObject({ code: "conflict" });
    await expect(
      addDomain({ ...ctx, role: "viewer" }, { hostname: "viewer.example" }),
    ).rejects.toBeInstanceOf(ServiceError);
  });

  it("keeps teams apart: the same hostname can be monitored by two teams", async () => {
    const other = await ensureTeam({ prisma }, { slug: "globex", create: true });
    await addDomain(ctx, { hostname: "shared.example" });
    const domain = await addDomain({ ...ctx, teamId: other.id }, { hostname: "shared.example" });
    expect(domain.teamId).toBe(other.id);
  });

  it("ensureTeam refuses an unknown team unless asked to create it, and makes the owner a member", async () => {
    await expect(ensureTeam({ prisma }, { slug: "nobody" })).rejects.toMatchObject({ code: "not_found" });
    const members = await prisma.member.findMany({
      where: { team: { slug: "acme" } },
      include: { user: true },
    });
    expect(members.map((member) => [member.user.email, member.role])).toEqual([["owner@acme.test", "owner"]]);
  });
});
