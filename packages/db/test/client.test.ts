import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, Prisma, type PrismaClient } from "../src";

describe("Prisma client on @prisma/adapter-pg", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await createTestDatabase("client");
    prisma = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it("writes and reads teams and domains with their defaults", async () => {
    const team = await prisma.team.create({ data: { name: "Acme", slug: "acme" } });
    const domain = await prisma.domain.create({
      data: { teamId: team.id, hostname: "example.org", grade: "A_PLUS" },
    });
    expect(domain.port).toBe(443);
    expect(domain.status).toBe("pending");
    const found = await prisma.domain.findMany({ where: { teamId: team.id }, include: { team: true } });
    expect(found).toHaveLength(1);
    expect(found[0]?.team.slug).toBe("acme");
    expect(found[0]?.grade).toBe("A_PLUS");
    const [raw] = await prisma.$queryRaw<{ grade: string }[]>`SELECT grade::text FROM domains`;
    expect(raw?.grade).toBe("A+");
  });

  it("refuses a second domain with the same team, hostname and port", async () => {
    const team = await prisma.team.create({ data: { name: "Dup", slug: "dup" } });
    await prisma.domain.create({ data: { teamId: team.id, hostname: "dup.example" } });
    const error = await prisma.domain
      .create({ data: { teamId: team.id, hostname: "dup.example" } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
  });
});
