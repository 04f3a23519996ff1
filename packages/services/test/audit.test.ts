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
  acknowledgeAlert,
  acknowledgeGroup,
  addDomain,
  addDomains,
  confirmRecipient,
  createApiKey,
  createWebhook,
  deleteDomain,
  deleteWebhook,
  disableBadge,
  enableBadge,
  ensureTeam,
  listAuditEvents,
  muteDomain,
  recordAudit,
  requestScan,
  requireTwoFactor,
  revokeApiKey,
  rotateBadge,
  type ServiceContext,
  sendTestWebhook,
  setPrivateCa,
  updateAlertPolicy,
  updateDomain,
  updateDomainAlertPolicy,
  updateTeamSchedule,
} from "../src";

const policy = {
  expiryThresholds: [30, 7],
  minSeverity: "high" as const,
  notifyGradeDrop: true,
  notifyCertChange: false,
  failingScanThreshold: 3,
  recipients: [],
  dailyDigest: false,
};

describe("the audit log", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let connection: Redis;
  let queues: Queues;
  /** The owner in the dashboard, an API key, and an operator (the admin CLI). */
  let alice: ServiceContext;
  let bot: ServiceContext;
  let operator: ServiceContext;
  let aliceId: string;

  /** The team's events, newest first, or those of one action. */
  const events = (action?: string) =>
    prisma.auditEvent.findMany({
      where: { teamId: alice.teamId, action },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
  const latest = async (action: string) => (await events(action))[0];

  beforeAll(async () => {
    db = await createTestDatabase("services_audit");
    prisma = createPrismaClient(db.url);
    connection = createRedisConnection(testRedisUrl(), "producer");
    queues = createQueues({ connection, prefix: uniquePrefix("audit") });
    const team = await ensureTeam({ prisma }, { slug: "acme", create: true, ownerEmail: "alice@acme.test" });
    aliceId = (await prisma.user.findUniqueOrThrow({ where: { email: "alice@acme.test" } })).id;
    alice = {
      prisma,
      queues,
      teamId: team.id,
      role: "owner",
      userId: aliceId,
      clientAddress: "203.0.113.7",
    };
    bot = {
      prisma,
      queues,
      teamId: team.id,
      role: "member",
      apiKey: { id: "019ac1c2-7d7e-7b41-a7f3-5f4c0e6f1a2b", name: "deploy-bot" },
      clientAddress: "198.51.100.4",
    };
    operator = { prisma, queues, teamId: team.id, role: "owner" };
  });
  afterAll(async () => {
    await queues?.close();
    connection?.disconnect();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("names an operator who made someone an owner or added a domain", async () => {
    await addDomain(operator, { hostname: "cli.acme.test" });
    expect(await latest("domain.created")).toMatchObject({ actorType: "operator", actorName: "operator" });
    expect(await latest("member.added")).toMatchObject({
      actorType: "operator",
      actorId: null,
      actorName: "operator",
      targetType: "member",
      targetLabel: "alice@acme.test",
      before: null,
      after: { role: "owner" },
      clientAddress: null,
    });
  });

  it("records domains added, changed, muted, scanned and deleted, with who did it and from where", async () => {
    const domain = await addDomain(alice, { hostname: "shop.acme.test", tags: ["web"] });
    expect(await latest("domain.created")).toMatchObject({
      actorType: "user",
      actorId: aliceId,
      actorName: "alice@acme.test",
      targetType: "domain",
      targetId: domain.id,
      targetLabel: "shop.acme.test:443",
      before: null,
      after: {
        hostname: "shop.acme.test",
        port: 443,
        tags: ["web"],
        enabled: true,
        scanIntervalSeconds: null,
        watchIntervalSeconds: null,
      },
      clientAddress: "203.0.113.7",
    });

    // A bulk import: one event per domain, each by the key that sent it.
    const imported = await addDomains(bot, {
      domains: [{ hostname: "a.acme.test" }, { hostname: "b.acme.test", port: 8443 }],
    });
    const created = await events("domain.created");
    expect(
      created
        .slice(0, 2)
        .map((event) => event.targetLabel)
        .sort(),
    ).toEqual(["a.acme.test:443", "b.acme.test:8443"]);
    expect(
      created
        .slice(0, 2)
        .map((event) => event.targetId)
        .sort(),
    ).toEqual(imported.map((row) => row.id).sort());
    for (const event of created.slice(0, 2))
      expect(event).toMatchObject({
        actorType: "api_key",
        actorId: bot.apiKey!.id,
        actorName: "API key 'deploy-bot'",
        clientAddress: "198.51.100.4",
      });

    // Only the fields that changed.
    await updateDomain(bot, { domainId: domain.id, tags: ["web", "prod"], scanIntervalSeconds: 3600 });
    expect(await latest("domain.updated")).toMatchObject({
      actorName: "API key 'deploy-bot'",
      before: { tags: ["web"], scanIntervalSeconds: null },
      after: { tags: ["prod", "web"], scanIntervalSeconds: 3600 },
    });

    const until = new Date(Date.now() + 86_400_000);
    await muteDomain(alice, { domainId: domain.id, until });
    expect(await latest("domain.muted")).toMatchObject({
      before: { mutedUntil: null },
      after: { mutedUntil: until.toISOString() },
    });
    await muteDomain(alice, { domainId: domain.id, until: null });
    expect(await latest("domain.unmuted")).toMatchObject({
      before: { mutedUntil: until.toISOString() },
      after: { mutedUntil: null },
    });

    const scan = await requestScan(bot, { domainId: domain.id });
    expect(await latest("scan.requested")).toMatchObject({
      actorName: "API key 'deploy-bot'",
      targetId: domain.id,
      after: { scanId: scan.id },
    });

    await deleteDomain(alice, { domainId: imported[0]!.id });
    expect(await latest("domain.deleted")).toMatchObject({
      targetId: imported[0]!.id,
      targetLabel: `${imported[0]!.hostname}:443`,
      before: { hostname: imported[0]!.hostname, port: 443 },
      after: null,
    });
  });

  it("writes nothing for a change that changes nothing", async () => {
    const domain = await addDomain(alice, { hostname: "same.acme.test", tags: ["a"] });
    const count = await prisma.auditEvent.count();
    await updateDomain(alice, { domainId: domain.id, tags: ["a"] });
    await muteDomain(alice, { domainId: domain.id, until: null });
    await updateTeamSchedule(alice, {});
    expect(await prisma.auditEvent.count()).toBe(count);
  });

  it("records alerts and groups acknowledged", async () => {
    const domain = await addDomain(alice, { hostname: "alerting.acme.test" });
    const alert = (key: string) =>
      prisma.alert.create({
        data: {
          teamId: alice.teamId,
          domainId: domain.id,
          kind: "scan_failing",
          key,
          state: "notified",
          severity: "high",
          title: "Scans failing",
        },
      });
    const single = await alert("scan_failing");
    await acknowledgeAlert(alice, { alertId: single.id });
    expect(await latest("alert.acknowledged")).toMatchObject({
      targetType: "alert",
      targetId: single.id,
      targetLabel: "Scans failing on alerting.acme.test:443",
      before: { state: "notified" },
      after: { state: "acknowledged" },
    });
    // Acknowledged already: no change, no event.
    await acknowledgeAlert(alice, { alertId: single.id });
    expect(await events("alert.acknowledged")).toHaveLength(1);

    const grouped = await alert("scan_failing@203.0.113.9");
    const group = await prisma.notificationGroup.create({
      data: {
        teamId: alice.teamId,
        channel: "email",
        recipient: "alice@acme.test",
        key: "scan_failing@203.0.113.9",
        kind: "scan_failing",
        cause: "address 203.0.113.9",
      },
    });
    await prisma.notificationGroupMember.create({
      data: { groupId: group.id, alertId: grouped.id, joinedAt: new Date(), opened: {} },
    });
    await acknowledgeGroup(bot, { groupId: group.id });
    expect(await latest("alert_group.acknowledged")).toMatchObject({
      actorName: "API key 'deploy-bot'",
      targetType: "notification_group",
      targetId: group.id,
      targetLabel: "address 203.0.113.9",
      after: { acknowledged: 1 },
    });
  });

  it("records the team's policy, a domain's overrides, the schedule and the two-factor rule", async () => {
    await updateAlertPolicy(alice, policy);
    await updateAlertPolicy(alice, { ...policy, failingScanThreshold: 5, recipients: ["alice@acme.test"] });
    expect(await latest("policy.updated")).toMatchObject({
      targetType: "team",
      targetId: alice.teamId,
      targetLabel: "Alert policy",
      before: { failingScanThreshold: 3, recipients: [] },
      after: { failingScanThreshold: 5, recipients: ["alice@acme.test"] },
    });

    const domain = await addDomain(alice, { hostname: "override.acme.test" });
    const inherit = {
      domainId: domain.id,
      expiryThresholds: null,
      minSeverity: null,
      notifyGradeDrop: null,
      notifyCertChange: null,
      failingScanThreshold: null,
      recipients: null,
    };
    await updateDomainAlertPolicy(alice, { ...inherit, minSeverity: "critical" });
    expect(await latest("domain_policy.updated")).toMatchObject({
      targetId: domain.id,
      targetLabel: "override.acme.test:443",
      before: { minSeverity: null },
      after: { minSeverity: "critical" },
    });
    // Back to inheriting everything: the override row goes, and the log says what it held.
    await updateDomainAlertPolicy(alice, inherit);
    expect(await latest("domain_policy.updated")).toMatchObject({
      before: { minSeverity: "critical" },
      after: { minSeverity: null },
    });

    await updateTeamSchedule(alice, { defaultScanIntervalSeconds: 43_200 });
    expect(await latest("team_schedule.updated")).toMatchObject({
      targetLabel: "Monitoring schedule",
      before: { defaultScanIntervalSeconds: 86_400 },
      after: { defaultScanIntervalSeconds: 43_200 },
    });

    await prisma.user.update({ where: { id: aliceId }, data: { twoFactorEnabled: true } });
    await requireTwoFactor(alice, { required: true });
    expect(await latest("two_factor.required")).toMatchObject({
      targetLabel: "Two-factor sign-in",
      before: { requireTwoFactor: false },
      after: { requireTwoFactor: true },
    });
    await requireTwoFactor(alice, { required: false });
    expect(await latest("two_factor.not_required")).toMatchObject({ after: { requireTwoFactor: false } });
  });

  it("records webhooks, keys and the private CA by what identifies them, never their secrets", async () => {
    const webhook = await createWebhook(alice, {
      url: "https://hooks.slack.com/services/T0001/B0001/sEcReTpAtH?token=q1",
      kind: "slack",
    });
    expect(await latest("webhook.created")).toMatchObject({
      targetId: webhook.id,
      targetLabel: "slack webhook to https://hooks.slack.com",
      after: { kind: "slack", origin: "https://hooks.slack.com" },
    });
    await sendTestWebhook(alice, { webhookId: webhook.id, publicUrl: "https://port443.test" });
    expect(await latest("webhook.tested")).toMatchObject({ targetId: webhook.id, before: null, after: null });
    await deleteWebhook(alice, { webhookId: webhook.id });
    expect(await latest("webhook.deleted")).toMatchObject({
      targetId: webhook.id,
      before: { kind: "slack", origin: "https://hooks.slack.com" },
    });

    const expiresAt = new Date(Date.now() + 30 * 86_400_000);
    const key = await createApiKey(alice, { name: "ci", scopes: ["read"], expiresAt });
    expect(await latest("api_key.created")).toMatchObject({
      targetType: "api_key",
      targetId: key.id,
      targetLabel: `ci (${key.prefix}…)`,
      after: { name: "ci", scopes: ["read"], expiresAt: expiresAt.toISOString(), prefix: key.prefix },
    });
    await revokeApiKey(alice, { apiKeyId: key.id });
    const revoked = await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(await latest("api_key.revoked")).toMatchObject({
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt!.toISOString() },
    });

    const chain = await createChain();
    await setPrivateCa(alice, { pem: chain.root.pem + chain.intermediate.pem });
    expect(await latest("private_ca.updated")).toMatchObject({
      targetLabel: "Private CA",
      before: { certificates: [] },
      after: {
        certificates: [
          { subject: expect.stringContaining("Port443 Test Root CA"), fingerprintSha256: expect.any(String) },
          {
            subject: expect.stringContaining("Port443 Test Intermediate CA"),
            fingerprintSha256: expect.any(String),
          },
        ],
      },
    });
    await setPrivateCa(alice, { pem: null });
    expect((await latest("private_ca.updated"))?.after).toEqual({ certificates: [] });

    const everything = JSON.stringify(await events());
    for (const secret of [
      webhook.secret,
      "sEcReTpAtH",
      "token=q1",
      key.secret,
      revoked.hash,
      "BEGIN CERTIFICATE",
      chain.root.pem.split("\n")[1]!,
    ])
      expect(everything).not.toContain(secret);
  });

  it("records a domain's badge turned on, rotated and off, never its URL's token", async () => {
    const domain = await addDomain(alice, { hostname: "badge.acme.test" });
    const { token } = await enableBadge(alice, { domainId: domain.id });
    const rotated = await rotateBadge(bot, { domainId: domain.id });
    await disableBadge(alice, { domainId: domain.id });
    const badge = (await events()).filter((event) => event.action.startsWith("badge."));
    expect(
      badge.map((event) => [event.action, event.actorName, event.targetLabel, event.before, event.after]),
    ).toEqual([
      ["badge.disabled", "alice@acme.test", "badge.acme.test:443", { badge: "on" }, { badge: "off" }],
      ["badge.rotated", "API key 'deploy-bot'", "badge.acme.test:443", null, null],
      ["badge.enabled", "alice@acme.test", "badge.acme.test:443", { badge: "off" }, { badge: "on" }],
    ]);
    expect(JSON.stringify(badge)).not.toContain(token);
    expect(JSON.stringify(badge)).not.toContain(rotated.token);
  });

  it("names a recipient who confirmed by their emailed link", async () => {
    const { confirmations } = await updateAlertPolicy(alice, { ...policy, recipients: ["noc@partner.test"] });
    await confirmRecipient({ prisma }, { token: confirmations[0]!.token });
    expect(await latest("recipient.confirmed")).toMatchObject({
      actorType: "recipient",
      actorId: null,
      actorName: "noc@partner.test",
      targetType: "recipient",
      targetLabel: "noc@partner.test",
      before: { confirmedAt: null },
      after: { confirmedAt: expect.any(String) },
    });
  });

  it("refuses a field named like a secret", async () => {
    await expect(
      prisma.$transaction((tx) =>
        recordAudit(tx, alice, {
          action: "webhook.created",
          target: { type: "webhook", id: "x", label: "x" },
          after: { secret: "s" },
        }),
      ),
    ).rejects.toThrow('audit field "secret" looks like a secret');
  });

  it("writes no event for a change that failed, and no change when its event cannot be written", async () => {
    const domain = await addDomain(alice, { hostname: "atomic.acme.test", tags: ["a"] });
    const count = await prisma.auditEvent.count();
    // Refused changes: nothing to record.
    await expect(addDomain(alice, { hostname: "atomic.acme.test" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      addDomains(alice, { domains: [{ hostname: "fresh.acme.test" }, { hostname: "atomic.acme.test" }] }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      updateDomain({ ...alice, role: "viewer" }, { domainId: domain.id, tags: [] }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      createApiKey({ ...alice, role: "member" }, { name: "x", scopes: ["read"] }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await prisma.auditEvent.count()).toBe(count);

    // The event is written in the change's transaction: when it cannot be, the change is undone.
    await prisma.$executeRawUnsafe(
      `ALTER TABLE audit_events ADD CONSTRAINT refuse_for_test CHECK (action NOT IN ('domain.updated', 'domain.deleted', 'api_key.created', 'domain.created')) NOT VALID`,
    );
    try {
      await expect(updateDomain(alice, { domainId: domain.id, tags: ["b"] })).rejects.toThrow(
        /refuse_for_test/,
      );
      await expect(deleteDomain(alice, { domainId: domain.id })).rejects.toThrow(/refuse_for_test/);
      await expect(createApiKey(alice, { name: "ghost", scopes: ["read"] })).rejects.toThrow(
        /refuse_for_test/,
      );
      await expect(addDomains(alice, { domains: [{ hostname: "ghost.acme.test" }] })).rejects.toThrow(
        /refuse_for_test/,
      );
    } finally {
      await prisma.$executeRawUnsafe("ALTER TABLE audit_events DROP CONSTRAINT refuse_for_test");
    }
    expect(await prisma.domain.findUniqueOrThrow({ where: { id: domain.id } })).toMatchObject({
      tags: ["a"],
    });
    expect(await prisma.apiKey.count({ where: { name: "ghost" } })).toBe(0);
    expect(await prisma.domain.count({ where: { hostname: "ghost.acme.test" } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(count);
  });

  it("lists a team's events newest first in keyset pages, by actor or action, and no other team's", async () => {
    const other = await ensureTeam({ prisma }, { slug: "other", create: true });
    await addDomain({ ...alice, teamId: other.id }, { hostname: "other.test" });
    const all = await events();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(alice, { limit: 7, cursor });
      seen.push(...page.items.map((event) => event.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((event) => event.id));
    expect(seen.length).toBeGreaterThan(14);

    const byBot = await listAuditEvents(alice, { actorId: bot.apiKey!.id, limit: 200 });
    expect(byBot.items.length).toBeGreaterThan(0);
    expect(byBot.items.every((event) => event.actorName === "API key 'deploy-bot'")).toBe(true);
    expect(byBot.items).toHaveLength(all.filter((event) => event.actorId === bot.apiKey!.id).length);

    const created = await listAuditEvents(alice, { action: "domain.created", limit: 2 });
    expect(created.items.map((event) => event.action)).toEqual(["domain.created", "domain.created"]);
    const next = await listAuditEvents(alice, {
      action: "domain.created",
      limit: 200,
      cursor: created.nextCursor!,
    });
    expect([...created.items, ...next.items].map((event) => event.id)).toEqual(
      all.filter((event) => event.action === "domain.created").map((event) => event.id),
    );

    expect(
      (await listAuditEvents({ ...alice, teamId: other.id }, {})).items.map((e) => e.targetLabel),
    ).toEqual(["other.test:443"]);
    await expect(listAuditEvents(alice, { action: "domain.exploded" as never })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(listAuditEvents(alice, { cursor: "bm9wZQ" })).rejects.toMatchObject({ code: "validation" });
    await expect(listAuditEvents({ ...alice, role: "viewer" }, {})).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
