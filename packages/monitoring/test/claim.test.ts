import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimDueDomains } from "../src/schedule/claim";

const MINUTE = 60_000;

describe("claimDueDomains: teams take turns", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  const teams: Record<"big" | "small" | "idle", string> = { big: "", small: "", idle: "" };
  const now = new Date();

  beforeAll(async () => {
    db = await createTestDatabase("claim");
    prisma = createPrismaClient(db.url);
    for (const slug of Object.keys(teams) as (keyof typeof teams)[])
      teams[slug] = (await prisma.team.create({ data: { name: slug, slug } })).id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  /** `count` domains of a team, due `ageMinutes` ago and earlier (the first oldest), or not due. */
  const seed = (team: keyof typeof teams, count: number, ageMinutes: number, extra: object = {}) =>
    prisma.domain.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        teamId: teams[team],
        hostname: `${team}-${ageMinutes}-${index}.example`,
        nextScanAt: new Date(now.getTime() - (ageMinutes + count - index) * MINUTE),
        ...extra,
      })),
    });
  const teamOf = async (domainIds: string[]) => {
    const rows = await prisma.domain.findMany({
      where: { id: { in: domainIds } },
      select: { id: true, teamId: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row.teamId]));
    return domainIds.map((id) =>
      byId.get(id) === teams.big ? "big" : byId.get(id) === teams.small ? "small" : "?",
    );
  };

  beforeEach(async () => {
    await prisma.domain.deleteMany();
  });

  it("claims one due domain of each team before a second of any, oldest first within a team, in that order", async () => {
    // The big team's 50 have been due for longer than any of the small team's 5.
    await seed("big", 50, 60);
    await seed("small", 5, 1);
    await seed("idle", 3, -30); // due only in half an hour
    await seed("idle", 2, 5, { enabled: false });

    const claims = await claimDueDomains(prisma, { now, limit: 10 });
    expect(await teamOf(claims.map((claim) => claim.domainId))).toEqual([
      "big",
      "small",
      "big",
      "small",
      "big",
      "small",
      "big",
      "small",
      "big",
      "small",
    ]);
    const bigClaimed = await prisma.domain.findMany({
      where: { id: { in: claims.map((claim) => claim.domainId) }, teamId: teams.big },
      orderBy: { hostname: "asc" },
      select: { hostname: true },
    });
    // The big team's five oldest (its lowest indexes were due first).
    expect(bigClaimed.map((row) => row.hostname)).toEqual(
      [0, 1, 2, 3, 4].map((index) => `big-60-${index}.example`),
    );

    // Claimed means leased: the rest of the big team's backlog comes next, the small team has none left.
    const rest = await claimDueDomains(prisma, { now, limit: 100 });
    expect(rest).toHaveLength(45);
    expect(new Set(await teamOf(rest.map((claim) => claim.domainId)))).toEqual(new Set(["big"]));
    expect(await claimDueDomains(prisma, { now, limit: 100 })).toEqual([]);
  });

  it("never hands one domain to two schedulers claiming at once", async () => {
    await seed("big", 120, 30);
    await seed("small", 30, 30);
    const batches = await Promise.all(
      Array.from({ length: 4 }, () => claimDueDomains(prisma, { now, limit: 50 })),
    );
    const ids = batches.flat().map((claim) => claim.domainId);
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
  });
});
