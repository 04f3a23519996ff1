import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import { createTestDatabase, type TestDatabase, testRedisUrl, uniquePrefix } from "@port443/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDomain,
  allowInvitation,
  createWebhook,
  ensureTeam,
  LimitError,
  type ServiceContext,
  sendTestWebhook,
  updateAlertPolicy,
  updateDomainAlertPolicy,
} from "../src";

describe("per-team throttles", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let connection: Redis;
  let queues: Queues;
  const quotas = {
    domains: 100,
    manualScansPerHour: 100,
    testWebhooksPerHour: 2,
    invitationsPerHour: 3,
    recipientChangesPerHour: 2,
    minWatchIntervalSeconds: 300,
  };

  beforeAll(async () => {
    db = await createTestDatabase("throttles");
    prisma = createPrismaClient(db.url);
    connection = createRedisConnection(testRedisUrl(), "worker");
    queues = createQueues({ connection, prefix: uniquePrefix("throttles") });
  });
  afterAll(async () => {
    await queues.close();
    await connection.quit();
    await prisma.$disconnect();
    await db.drop();
  });

  const adminOf = async (slug: string): Promise<ServiceContext> => {
    const team = await ensureTeam({ prisma }, { slug, create: true });
    return { prisma, queues, teamId: team.id, role: "admin", quotas };
  };
  /** Moves the team's counters an hour back, as if the window had passed. */
  const nextHour = (ctx: ServiceContext) =>
    prisma.teamThrottle.updateMany({
      where: { teamId: ctx.teamId },
      data: { windowStart: new Date(Date.now() - 3_600_000) },
    });

  it("limits test webhooks per team and hour, naming the limit and when the next is possible", async () => {
    const ctx = await adminOf("webhooks");
    const webhook = await createWebhook(ctx, { url: "https://hooks.example/port443" });
    const test = (context: ServiceContext) =>
      sendTestWebhook(context, { webhookId: webhook.id, publicUrl: "https://port443.test" });
    await test(ctx);
    await test(ctx);
    const refused = await test(ctx).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LimitError);
    expect(refused).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(
        /^test delivery limit reached: a team may send 2 webhook tests per hour; the next is possible in \d+ (s|minutes)$/,
      ),
    });
    const { retryAfterSeconds } = refused as LimitError;
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(3_600);
    // The refused one wrote nothing.
    expect(await prisma.notification.count({ where: { teamId: ctx.teamId, event: "test" } })).toBe(2);

    const other = await adminOf("webhooks-other");
    const otherHook = await createWebhook(other, { url: "https://hooks.example/other" });
    await sendTestWebhook(other, { webhookId: otherHook.id, publicUrl: "https://port443.test" });
    await test({ ...ctx, quotas: undefined }); // operators are not limited

    await nextHour(ctx);
    await test(ctx);
    expect(await prisma.notification.count({ where: { teamId: ctx.teamId, event: "test" } })).toBe(4);
  });

  it("limits invitations per team for admins, and refuses members before counting", async () => {
    const ctx = await adminOf("invitations");
    await expect(allowInvitation({ ...ctx, role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    for (let invitation = 0; invitation < quotas.invitationsPerHour; invitation++) await allowInvitation(ctx);
    await expect(allowInvitation(ctx)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^invitation limit reached: a team may send 3 invitations per hour/),
    });
    await nextHour(ctx);
    await allowInvitation(ctx);
  });

  it("counts saves that change alert recipients, team policy and domain overrides together", async () => {
    const ctx = await adminOf("recipients");
    const team = await prisma.team.findUniqueOrThrow({ where: { id: ctx.teamId } });
    const owner = await prisma.user.create({ data: { email: "owner@recipients.test" } });
    await prisma.member.create({ data: { teamId: team.id, userId: owner.id, role: "owner" } });
    const policy = {
      expiryThresholds: [30, 7],
      minSeverity: "high" as const,
      notifyGradeDrop: true,
      notifyCertChange: false,
      failingScanThreshold: 3,
      recipients: ["owner@recipients.test"],
      dailyDigest: false,
    };
    await updateAlertPolicy(ctx, policy); // a change: from none to one
    await updateAlertPolicy(ctx, { ...policy, failingScanThreshold: 4 }); // recipients unchanged
    await updateAlertPolicy(ctx, { ...policy, recipients: ["OWNER@recipients.test"] }); // case only
    const domain = await addDomain(ctx, { hostname: "shop.example" });
    const override = {
      domainId: domain.id,
      expiryMode: null,
      expiryThresholds: null,
      minSeverity: null,
      notifyGradeDrop: null,
      notifyCertChange: null,
      failingScanThreshold: null,
    };
    await updateDomainAlertPolicy(ctx, { ...override, recipients: ["owner@recipients.test"] });
    await expect(
      updateAlertPolicy(ctx, { ...policy, recipients: ["owner@recipients.test", "ops@elsewhere.test"] }),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(
        /^alert recipient limit reached: a team may change its alert recipients 2 times per hour/,
      ),
    });
    // Refused as a whole: the policy kept its recipients and nobody was sent a link.
    expect(
      (await prisma.alertPolicy.findFirstOrThrow({ where: { teamId: ctx.teamId, domainId: null } }))
        .recipients,
    ).toEqual(["OWNER@recipients.test"]);
    expect(await prisma.recipientConfirmation.count({ where: { teamId: ctx.teamId } })).toBe(0);
  });
});
