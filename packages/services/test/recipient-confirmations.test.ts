import { createHash } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import { createTestDatabase, type TestDatabase, testRedisUrl, uniquePrefix } from "@port443/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDomain,
  confirmRecipient,
  ensureTeam,
  findRecipientConfirmation,
  getRecipientStates,
  type ServiceContext,
  updateAlertPolicy,
  updateDomainAlertPolicy,
} from "../src";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe("alert recipients outside the team", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let connection: Redis;
  let queues: Queues;
  let admin: ServiceContext;
  const policy = {
    expiryThresholds: [30, 7],
    minSeverity: "high" as const,
    notifyGradeDrop: true,
    notifyCertChange: false,
    failingScanThreshold: 3,
    dailyDigest: false,
  };

  beforeAll(async () => {
    db = await createTestDatabase("recipient_confirmations");
    prisma = createPrismaClient(db.url);
    connection = createRedisConnection(testRedisUrl(), "worker");
    queues = createQueues({ connection, prefix: uniquePrefix("recipients") });
    const team = await ensureTeam({ prisma }, { slug: "acme", create: true, ownerEmail: "owner@acme.test" });
    admin = { prisma, queues, teamId: team.id, role: "admin" };
  });
  afterAll(async () => {
    await queues.close();
    await connection.quit();
    await prisma.$disconnect();
    await db.drop();
  });

  it("stores an outside address unconfirmed with one link, its token only hashed; members need none", async () => {
    const { confirmations } = await updateAlertPolicy(admin, {
      ...policy,
      recipients: ["Owner@acme.test", "Ops@Elsewhere.test"],
    });
    expect(confirmations).toEqual([
      {
        email: "ops@elsewhere.test",
        token: expect.stringMatching(/^[\w-]{43}$/),
        expiresAt: expect.any(Date),
      },
    ]);
    const [link] = confirmations;
    const rows = await prisma.recipientConfirmation.findMany({ where: { teamId: admin.teamId } });
    expect(rows).toEqual([
      expect.objectContaining({
        email: "ops@elsewhere.test",
        tokenHash: sha256(link!.token),
        confirmedAt: null,
        expiresAt: link!.expiresAt,
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(link!.token);
    const days = (link!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // Saving again, or naming the address in a domain override, sends no second link.
    const again = await updateAlertPolicy(admin, {
      ...policy,
      failingScanThreshold: 5,
      recipients: ["ops@elsewhere.test"],
    });
    expect(again.confirmations).toEqual([]);
    const domain = await addDomain(admin, { hostname: "shop.example" });
    const override = await updateDomainAlertPolicy(admin, {
      domainId: domain.id,
      expiryMode: null,
      expiryThresholds: null,
      minSeverity: null,
      notifyGradeDrop: null,
      notifyCertChange: null,
      failingScanThreshold: null,
      recipients: ["ops@elsewhere.test", "payments@elsewhere.test"],
    });
    expect(override.confirmations.map((confirmation) => confirmation.email)).toEqual([
      "payments@elsewhere.test",
    ]);

    expect(
      await getRecipientStates(admin, {
        recipients: ["owner@acme.test", "Ops@Elsewhere.test", "new@elsewhere.test"],
      }),
    ).toEqual([
      { email: "owner@acme.test", status: "member" },
      { email: "Ops@Elsewhere.test", status: "awaiting confirmation" },
      { email: "new@elsewhere.test", status: "needs a new link" },
    ]);
  });

  it("confirms once by the link, which then no longer works", async () => {
    const { confirmations } = await updateAlertPolicy(admin, {
      ...policy,
      recipients: ["pager@elsewhere.test"],
    });
    const token = confirmations[0]!.token;
    expect(await findRecipientConfirmation({ prisma }, { token })).toMatchObject({
      email: "pager@elsewhere.test",
      team: { name: "acme" },
    });
    expect(await confirmRecipient({ prisma }, { token })).toEqual({
      email: "pager@elsewhere.test",
      team: "acme",
    });
    const row = await prisma.recipientConfirmation.findUniqueOrThrow({
      where: { teamId_email: { teamId: admin.teamId, email: "pager@elsewhere.test" } },
    });
    expect(row.confirmedAt).toBeInstanceOf(Date);
    expect(row.tokenHash).toBeNull();
    await expect(confirmRecipient({ prisma }, { token })).rejects.toMatchObject({ code: "not_found" });
    expect(await findRecipientConfirmation({ prisma }, { token })).toBeNull();
    expect(await getRecipientStates(admin, { recipients: ["pager@elsewhere.test"] })).toEqual([
      { email: "pager@elsewhere.test", status: "confirmed" },
    ]);
    // A confirmed address gets no further link.
    expect(
      (await updateAlertPolicy(admin, { ...policy, recipients: ["pager@elsewhere.test", "owner@acme.test"] }))
        .confirmations,
    ).toEqual([]);
  });

  it("refuses an expired link, and the next save sends a new one", async () => {
    const { confirmations } = await updateAlertPolicy(admin, {
      ...policy,
      recipients: ["late@elsewhere.test"],
    });
    const token = confirmations[0]!.token;
    await prisma.recipientConfirmation.updateMany({
      where: { teamId: admin.teamId, email: "late@elsewhere.test" },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(await findRecipientConfirmation({ prisma }, { token })).toBeNull();
    await expect(confirmRecipient({ prisma }, { token })).rejects.toMatchObject({ code: "not_found" });
    expect(await getRecipientStates(admin, { recipients: ["late@elsewhere.test"] })).toEqual([
      { email: "late@elsewhere.test", status: "needs a new link" },
    ]);

    const resent = await updateAlertPolicy(admin, { ...policy, recipients: ["late@elsewhere.test"] });
    expect(resent.confirmations).toHaveLength(1);
    expect(resent.confirmations[0]!.token).not.toBe(token);
    await confirmRecipient({ prisma }, { token: resent.confirmations[0]!.token });
    await expect(confirmRecipient({ prisma }, { token: "not-a-token" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
