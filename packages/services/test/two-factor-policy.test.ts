import { createPrismaClient, type PrismaClient } from "@port443/db";
import type { Queues } from "@port443/jobs";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTeam, getTwoFactorPolicy, requireTwoFactor, type ServiceContext, ServiceError } from "../src";

describe("the team's two-factor policy", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let acme: string;
  let other: string;
  const users: Record<string, string> = {};
  // Neither service enqueues anything.
  const queues = {} as Queues;
  const as = (name: string, role: ServiceContext["role"], teamId = acme): ServiceContext => ({
    prisma,
    queues,
    teamId,
    role,
    userId: users[name],
  });

  beforeAll(async () => {
    db = await createTestDatabase("services_two_factor");
    prisma = createPrismaClient(db.url);
    acme = (await ensureTeam({ prisma }, { slug: "acme", create: true })).id;
    other = (await ensureTeam({ prisma }, { slug: "other", create: true })).id;
    for (const [name, role, twoFactorEnabled] of [
      ["olga", "owner", true],
      ["oscar", "owner", false],
      ["ada", "admin", false],
      ["mel", "member", true],
    ] as const) {
      const user = await prisma.user.create({ data: { email: `${name}@acme.test`, name, twoFactorEnabled } });
      users[name] = user.id;
      await prisma.member.create({ data: { teamId: acme, userId: user.id, role } });
    }
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof ServiceError ? error.code : error),
    );

  it("is turned on by an owner who has a second factor, for this team only", async () => {
    expect(await requireTwoFactor(as("olga", "owner"), { required: true })).toEqual({
      required: true,
      membersWithout: 2,
    });
    const teams = await prisma.team.findMany({ select: { id: true, requireTwoFactor: true } });
    expect(Object.fromEntries(teams.map((team) => [team.id, team.requireTwoFactor]))).toEqual({
      [acme]: true,
      [other]: false,
    });
    expect(await getTwoFactorPolicy(as("ada", "admin"))).toEqual({
      required: true,
      membersWithout: 2,
      withoutSecondFactor: [
        { name: "oscar", email: "oscar@acme.test", role: "owner" },
        { name: "ada", email: "ada@acme.test", role: "admin" },
      ],
    });
    // Members see that it is required, not who lags.
    expect(await getTwoFactorPolicy(as("mel", "member"))).toMatchObject({
      required: true,
      withoutSecondFactor: [],
    });
  });

  it("is for owners alone, and an owner without a second factor cannot turn it on", async () => {
    expect(await refusal(requireTwoFactor(as("ada", "admin"), { required: false }))).toBe("forbidden");
    expect(await refusal(requireTwoFactor(as("oscar", "owner"), { required: true }))).toBe("validation");
    expect(await refusal(requireTwoFactor(as("olga", "owner"), { required: "yes" as never }))).toBe(
      "validation",
    );
    // Turning it off needs no second factor.
    expect(await requireTwoFactor(as("oscar", "owner"), { required: false })).toMatchObject({
      required: false,
    });
    expect((await getTwoFactorPolicy(as("mel", "member"))).required).toBe(false);
  });
});
