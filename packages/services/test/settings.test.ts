import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection, type Queues } from "@port443/jobs";
import {
  createChain,
  createTestDatabase,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDomain,
  createWebhook,
  deleteDomain,
  ensureTeam,
  getAlertPolicy,
  getDomainAlertPolicy,
  getOverview,
  listDomainPolicyOverrides,
  listDomains,
  type ServiceContext,
  sendTestWebhook,
  setPrivateCa,
  updateAlertPolicy,
  updateDomainAlertPolicy,
} from "../src";

describe("team settings and overview", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let connection: Redis;
  let queues: Queues;
  let admin: ServiceContext;

  beforeAll(async () => {
    db = await createTestDatabase("services_settings");
    prisma = createPrismaClient(db.url);
    connection = createRedisConnection(testRedisUrl(), "worker");
    queues = createQueues({ connection, prefix: uniquePrefix("settings") });
    const team = await ensureTeam({ prisma }, { slug: "acme", create: true });
    admin = { prisma, queues, teamId: team.id, role: "admin" };
  });
  afterAll(async () => {
    await queues.close();
    await connection.quit();
    await prisma.$disconnect();
    await db.drop();
  });

  it("stores the team's alert policy for admins only, thresholds sorted and deduplicated", async () => {
    const policy = {
      expiryThresholds: [7, 30, 7, 1],
      minSeverity: "medium" as const,
      notifyGradeDrop: false,
      notifyCertChange: true,
      failingScanThreshold: 2,
      recipients: ["ops@acme.test"],
      dailyDigest: true,
    };
    await expect(updateAlertPolicy({ ...admin, role: "member" }, policy)).rejects.toMatchObject({
      code: "forbidden",
    });
    await updateAlertPolicy(admin, policy);
    await updateAlertPolicy(admin, { ...policy, failingScanThreshold: 4 });
    expect(await prisma.alertPolicy.count({ where: { teamId: admin.teamId } })).toBe(1);
    expect(await getAlertPolicy(admin)).toMatchObject({
      expiryThresholds: [30, 7, 1],
      minSeverity: "medium",
      failingScanThreshold: 4,
      recipients: ["ops@acme.test"],
      dailyDigest: true,
    });
    await expect(updateAlertPolicy(admin, { ...policy, recipients: ["not an email"] })).rejects.toMatchObject(
      {
        code: "validation",
      },
    );
  });

  it("keeps the grouping timings with the team policy (defaults until set, a repeat of 0 never reminds)", async () => {
    const current = await getAlertPolicy(admin);
    const policy = {
      expiryThresholds: current.expiryThresholds,
      minSeverity: current.minSeverity,
      notifyGradeDrop: current.notifyGradeDrop,
      notifyCertChange: current.notifyCertChange,
      failingScanThreshold: current.failingScanThreshold,
      recipients: current.recipients,
      dailyDigest: current.dailyDigest,
    };
    expect(current).toMatchObject({
      groupWaitSeconds: 30,
      groupIntervalSeconds: 300,
      repeatIntervalSeconds: 86_400,
    });
    await updateAlertPolicy(admin, {
      ...policy,
      groupWaitSeconds: 0,
      groupIntervalSeconds: 90,
      repeatIntervalSeconds: 0,
    });
    expect(await getAlertPolicy(admin)).toMatchObject({
      groupWaitSeconds: 0,
      groupIntervalSeconds: 90,
      repeatIntervalSeconds: 0,
    });
    for (const wrong of [
      { groupWaitSeconds: -1 },
      { groupWaitSeconds: 3_601 },
      { groupIntervalSeconds: 0 },
      { groupIntervalSeconds: 1.5 },
      { repeatIntervalSeconds: 31 * 86_400 },
    ]) {
      await expect(updateAlertPolicy(admin, { ...policy, ...wrong })).rejects.toMatchObject({
        code: "validation",
        field: Object.keys(wrong)[0],
      });
    }
    await updateAlertPolicy(admin, {
      ...policy,
      groupWaitSeconds: 30,
      groupIntervalSeconds: 300,
      repeatIntervalSeconds: 86_400,
    });
  });

  it("overrides the team policy per domain, field by field, and drops the override when all inherit", async () => {
    const domain = await addDomain(admin, { hostname: "payments.example" });
    const inheritAll = {
      domainId: domain.id,
      expiryMode: null,
      expiryThresholds: null,
      minSeverity: null,
      notifyGradeDrop: null,
      notifyCertChange: null,
      failingScanThreshold: null,
      recipients: null,
    };
    const override = {
      ...inheritAll,
      expiryMode: "fixed" as const,
      expiryThresholds: [60, 45],
      recipients: ["payments@acme.test"],
    };
    await expect(updateDomainAlertPolicy({ ...admin, role: "member" }, override)).rejects.toMatchObject({
      code: "forbidden",
    });
    await updateDomainAlertPolicy(admin, override);
    await updateDomainAlertPolicy(admin, { ...override, failingScanThreshold: 1 });
    expect(await listDomainPolicyOverrides(admin)).toEqual([
      { id: domain.id, hostname: "payments.example", port: 443 },
    ]);
    const policy = await getDomainAlertPolicy({ ...admin, role: "viewer" }, { domainId: domain.id });
    expect(policy.override).toEqual({ ...override, domainId: undefined, failingScanThreshold: 1 });
    expect(policy.effective).toMatchObject({
      expiryMode: "fixed",
      expiryThresholds: [60, 45],
      recipients: ["payments@acme.test"],
      failingScanThreshold: 1,
      // Inherited from the team policy set above.
      minSeverity: policy.team.minSeverity,
      dailyDigest: policy.team.dailyDigest,
    });

    const other = await ensureTeam({ prisma }, { slug: "other", create: true });
    const outsider = { ...admin, teamId: other.id };
    await expect(getDomainAlertPolicy(outsider, { domainId: domain.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(updateDomainAlertPolicy(outsider, override)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateDomainAlertPolicy(admin, { ...override, recipients: [] })).rejects.toMatchObject({
      code: "validation",
    });

    await updateDomainAlertPolicy(admin, inheritAll);
    expect(await prisma.alertPolicy.count({ where: { domainId: domain.id } })).toBe(0);
    expect(await listDomainPolicyOverrides(admin)).toEqual([]);
    const inherited = await getDomainAlertPolicy(admin, { domainId: domain.id });
    expect(inherited.override).toBeNull();
    expect(inherited.effective).toEqual(inherited.team);
    await deleteDomain(admin, { domainId: domain.id }); // the overview below counts the team's domains
  });

  it("sends a test notification to a webhook through the outbox and the delivery queue", async () => {
    await expect(createWebhook(admin, { url: "https://user:pw@hooks.example/x" })).rejects.toMatchObject({
      code: "validation",
    });
    const webhook = await createWebhook(admin, { url: "https://hooks.example/port443" });
    expect(webhook.secret.length).toBeGreaterThanOrEqual(32);
    const notification = await sendTestWebhook(admin, {
      webhookId: webhook.id,
      publicUrl: "https://port443.test",
    });
    expect(notification).toMatchObject({
      channel: "webhook",
      event: "test",
      state: "pending",
      webhookId: webhook.id,
    });
    const job = await queues.notifications.getJob(`notify_${notification.id}`);
    expect(job?.data).toEqual({ notificationId: notification.id });
  });

  it("accepts a CA bundle as the team's private CA and refuses leaves and garbage", async () => {
    const chain = await createChain();
    const { subjects } = await setPrivateCa(admin, { pem: chain.root.pem + chain.intermediate.pem });
    expect(subjects).toHaveLength(2);
    expect((await prisma.team.findUniqueOrThrow({ where: { id: admin.teamId } })).privateCaPem).toContain(
      "BEGIN CERTIFICATE",
    );
    await expect(setPrivateCa(admin, { pem: chain.leaf.pem })).rejects.toMatchObject({
      code: "validation",
      message: /is not a CA/,
    });
    await expect(setPrivateCa(admin, { pem: "hello" })).rejects.toMatchObject({ code: "validation" });
    await setPrivateCa(admin, { pem: null });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: admin.teamId } })).privateCaPem).toBeNull();
  });

  it("refuses a 256 KB paste of BEGIN lines at once, not after seconds of parsing", async () => {
    const line = "-----BEGIN CERTIFICATE-----\n";
    const pem = line.repeat(Math.floor((256 * 1024) / line.length));
    const started = performance.now();
    await expect(setPrivateCa(admin, { pem })).rejects.toMatchObject({
      code: "validation",
      message: "no PEM certificate found",
    });
    // Linear parsing takes milliseconds; the regex it replaced took seconds on this paste.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("summarizes the team and refuses a viewer's delete", async () => {
    const soon = await addDomain(admin, { hostname: "soon.example" });
    const failing = await addDomain(admin, { hostname: "down.example" });
    await prisma.domain.update({
      where: { id: soon.id },
      data: { notAfter: new Date(Date.now() + 3 * 86_400_000) },
    });
    await prisma.domain.update({
      where: { id: failing.id },
      data: { status: "error", lastError: "timeout" },
    });
    const overview = await getOverview(admin);
    expect(overview.counts).toEqual({ total: 2, expired: 0, within7: 1, within30: 1, failing: 1 });
    expect(overview.expiriesByWeek[0]!.count).toBe(1);
    expect(overview.urgent.map((domain) => domain.hostname)).toEqual(["soon.example", "down.example"]);
    await expect(deleteDomain({ ...admin, role: "viewer" }, { domainId: soon.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await deleteDomain({ ...admin, role: "member" }, { domainId: soon.id });
    expect(await prisma.domain.count({ where: { id: soon.id } })).toBe(0);
  });

  it("lists by expiry, soonest first and unscanned last, across pages", async () => {
    const team = await ensureTeam({ prisma }, { slug: "expiry-sort", create: true });
    const ctx = { ...admin, teamId: team.id };
    const days = [40, 5, null, 5, -2];
    for (const [index, day] of days.entries()) {
      const domain = await addDomain(ctx, { hostname: `d${index}.example` });
      if (day !== null)
        await prisma.domain.update({
          where: { id: domain.id },
          data: { notAfter: new Date(Date.UTC(2030, 0, 1) + day * 86_400_000) },
        });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDomains(ctx, { sort: "expiry", limit: 2, cursor });
      seen.push(...page.items.map((domain) => domain.hostname));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.slice(0, 4)).toEqual(["d4.example", ...["d1.example", "d3.example"].sort(), "d0.example"]);
    expect(seen[4]).toBe("d2.example");
  });
});
