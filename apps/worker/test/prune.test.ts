import { createHash } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { prune } from "../src/processors/prune";

const DAY = 86_400_000;
const NOW = new Date("2026-12-01T12:00:00Z");
const RETENTION_DAYS = 30;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const logger = createLogger("silent");

async function certificate(prisma: PrismaClient, name: string) {
  return prisma.certificate.create({
    data: {
      fingerprintSha256: createHash("sha256").update(name).digest("hex"),
      subject: `CN=${name}`,
      issuer: "CN=Test CA",
      sans: [name],
      notBefore: daysAgo(400),
      notAfter: daysAgo(-400),
      keyType: "EC",
      keyBits: 256,
      signatureAlgorithm: "ecdsa-with-SHA256",
      serialNumber: "01",
      pem: `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----\n`,
    },
  });
}

/** A scan with a chain (leaf first), two findings and one address, as recordScan stores one. */
async function scan(
  prisma: PrismaClient,
  domain: { id: string; teamId: string },
  createdAt: Date,
  chain: string[],
  status: "done" | "failed" = "done",
) {
  return prisma.scan.create({
    data: {
      teamId: domain.teamId,
      domainId: domain.id,
      status,
      createdAt,
      details: { protocols: ["TLSv1.3"] },
      certificates: { create: chain.map((certificateId, position) => ({ position, certificateId })) },
      findings: {
        create: [
          { ruleId: "tls.no_tls13", severity: "low" },
          { ruleId: "hsts.missing", severity: "medium" },
        ],
      },
      addresses: { create: [{ ip: "192.0.2.1", grade: "A" }] },
    },
  });
}

async function history(prisma: PrismaClient, scanIds: string[]) {
  return {
    scans: await prisma.scan.count({ where: { id: { in: scanIds } } }),
    findings: await prisma.finding.count({ where: { scanId: { in: scanIds } } }),
    chain: await prisma.scanCertificate.count({ where: { scanId: { in: scanIds } } }),
    addresses: await prisma.scanAddress.count({ where: { scanId: { in: scanIds } } }),
  };
}

const gone = { scans: 0, findings: 0, chain: 0, addresses: 0 };

/**
 * One team's history on both sides of the cutoff (30 days before NOW): what the prune must delete
 * and what it must keep, by the same rules for every team.
 */
async function seedTeam(prisma: PrismaClient, slug: string, intermediateId: string) {
  const team = await prisma.team.create({ data: { name: slug, slug } });
  const domain = (hostname: string) => prisma.domain.create({ data: { teamId: team.id, hostname } });
  const [renewed, abandoned, retried] = await Promise.all([
    domain(`renewed.${slug}.test`),
    domain(`abandoned.${slug}.test`),
    domain(`retried.${slug}.test`),
  ]);
  const [oldLeaf, sharedLeaf, abandonedLeaf] = await Promise.all([
    certificate(prisma, `old.${slug}`),
    certificate(prisma, `shared.${slug}`),
    certificate(prisma, `abandoned.${slug}`),
  ]);
  const orphan = await certificate(prisma, `orphan.${slug}`);

  const deleted = [
    // Served only by scans past retention: the certificate goes with them.
    await scan(prisma, renewed, daysAgo(120), [oldLeaf.id, intermediateId]),
    await scan(prisma, renewed, daysAgo(60), [sharedLeaf.id, intermediateId]),
    // The abandoned domain's older scan: a newer one exists, however old that is.
    await scan(prisma, abandoned, daysAgo(300), [abandonedLeaf.id, intermediateId]),
  ].map((row) => row.id);
  const kept = [
    // Within retention, and serving the leaf a deleted scan served too.
    await scan(prisma, renewed, daysAgo(10), [sharedLeaf.id, intermediateId]),
    await scan(prisma, renewed, daysAgo(1), [sharedLeaf.id, intermediateId]),
    // Not scanned for 200 days: its latest scan stays, its only picture.
    await scan(prisma, abandoned, daysAgo(200), [abandonedLeaf.id, intermediateId]),
    // A requested scan that failed is no picture: the completed one before it stays.
    await scan(prisma, retried, daysAgo(90), [sharedLeaf.id, intermediateId]),
    await scan(prisma, retried, daysAgo(5), [], "failed"),
  ].map((row) => row.id);

  const alert = (state: "open" | "resolved", resolvedAt: Date | null, key: string) =>
    prisma.alert.create({
      data: {
        teamId: team.id,
        domainId: renewed.id,
        kind: "expiry",
        key,
        state,
        severity: "medium",
        title: key,
        openedAt: daysAgo(150),
        resolvedAt,
      },
    });
  const oldResolved = await alert("resolved", daysAgo(100), "expiry:30:old");
  const recentResolved = await alert("resolved", daysAgo(5), "expiry:30:recent");
  const open = await alert("open", null, "expiry:7:current");
  // Resolved long ago, but its recovery email is still to be sent: deleting it would drop the email.
  const undelivered = await alert("resolved", daysAgo(100), "expiry:30:undelivered");

  const notification = (
    state: "sent" | "failed" | "pending" | "held",
    createdAt: Date,
    alertId: string | null = null,
  ) =>
    prisma.notification.create({
      data: {
        teamId: team.id,
        alertId,
        channel: "email",
        event: "opened",
        recipient: `owner@${slug}.test`,
        payload: {},
        state,
        createdAt,
      },
    });
  // Audit events have a retention of their own (a year unless configured): 100 days is kept.
  const auditEvent = (createdAt: Date) =>
    prisma.auditEvent.create({
      data: {
        teamId: team.id,
        actorType: "operator",
        actorName: "operator",
        action: "domain.created",
        targetType: "domain",
        targetId: renewed.id,
        targetLabel: renewed.hostname,
        createdAt,
      },
    });
  const oldAudit = await auditEvent(daysAgo(400));
  const recentAudit = await auditEvent(daysAgo(100));

  const oldSent = await notification("sent", daysAgo(100), oldResolved.id);
  const oldFailed = await notification("failed", daysAgo(100));
  const oldPending = await notification("pending", daysAgo(100));
  const oldHeld = await notification("held", daysAgo(100));
  const recentSent = await notification("sent", daysAgo(10));
  const undeliveredRecovery = await notification("pending", daysAgo(100), undelivered.id);

  return {
    deleted,
    kept,
    certificates: { deleted: [oldLeaf.id, orphan.id], kept: [sharedLeaf.id, abandonedLeaf.id] },
    alerts: { deleted: [oldResolved.id], kept: [recentResolved.id, open.id, undelivered.id] },
    auditEvents: { deleted: [oldAudit.id], kept: [recentAudit.id] },
    notifications: {
      deleted: [oldSent.id, oldFailed.id],
      kept: [oldPending.id, oldHeld.id, recentSent.id, undeliveredRecovery.id],
    },
  };
}

describe("pruning history past retention", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let teams: Awaited<ReturnType<typeof seedTeam>>[];
  let intermediateId: string;

  beforeAll(async () => {
    db = await createTestDatabase("prune");
    prisma = createPrismaClient(db.url);
    intermediateId = (await certificate(prisma, "intermediate")).id;
    teams = [await seedTeam(prisma, "alpha", intermediateId), await seedTeam(prisma, "beta", intermediateId)];
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it("deletes what is past retention, by the same rules for every team", async () => {
    const result = await prune(prisma, logger, RETENTION_DAYS, { now: NOW });
    expect(result).toMatchObject({
      scans: 6,
      notifications: 4,
      alerts: 2,
      auditEvents: 2,
      certificates: 4,
      complete: true,
    });

    for (const team of teams) {
      expect(await history(prisma, team.deleted)).toEqual(gone);
      expect(await history(prisma, team.kept)).toEqual({
        scans: 5,
        findings: 10,
        chain: 8,
        addresses: 5,
      });
      expect(await prisma.certificate.count({ where: { id: { in: team.certificates.deleted } } })).toBe(0);
      expect(await prisma.certificate.count({ where: { id: { in: team.certificates.kept } } })).toBe(2);
      expect(await prisma.alert.count({ where: { id: { in: team.alerts.deleted } } })).toBe(0);
      expect(await prisma.alert.count({ where: { id: { in: team.alerts.kept } } })).toBe(3);
      expect(await prisma.notification.count({ where: { id: { in: team.notifications.deleted } } })).toBe(0);
      expect(await prisma.notification.count({ where: { id: { in: team.notifications.kept } } })).toBe(4);
      expect(await prisma.auditEvent.count({ where: { id: { in: team.auditEvents.deleted } } })).toBe(0);
      expect(await prisma.auditEvent.count({ where: { id: { in: team.auditEvents.kept } } })).toBe(1);
    }
    expect(await prisma.certificate.count({ where: { id: intermediateId } })).toBe(1);
  });

  it("deletes nothing when run again", async () => {
    const counts = async () => ({
      scans: await prisma.scan.count(),
      findings: await prisma.finding.count(),
      certificates: await prisma.certificate.count(),
      alerts: await prisma.alert.count(),
      notifications: await prisma.notification.count(),
      auditEvents: await prisma.auditEvent.count(),
    });
    const before = await counts();
    const result = await prune(prisma, logger, RETENTION_DAYS, { now: NOW });
    expect(result).toMatchObject({
      scans: 0,
      notifications: 0,
      alerts: 0,
      auditEvents: 0,
      certificates: 0,
      complete: true,
    });
    expect(await counts()).toEqual(before);
  });
});

describe("pruning in bounded batches", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase("prune_batches");
    prisma = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it("stops at its budget, and the next run goes on from the oldest rows left", async () => {
    const team = await prisma.team.create({ data: { name: "batches", slug: "batches" } });
    const domains = await Promise.all(
      [0, 1, 2].map((n) => prisma.domain.create({ data: { teamId: team.id, hostname: `d${n}.test` } })),
    );
    // Ten old scans per domain, three days apart and at the same instants on every domain (so
    // batches end inside a tie), each with a leaf of its own.
    const times = Array.from({ length: 10 }, (_, n) => daysAgo(100 + n * 3));
    for (const [index, domain] of domains.entries()) {
      for (const [n, time] of times.entries()) {
        await scan(prisma, domain, time, [(await certificate(prisma, `leaf-${index}-${n}`)).id]);
      }
    }
    const left = async () =>
      (await prisma.scan.findMany({ select: { createdAt: true } })).map((row) => row.createdAt);
    const batches = { now: NOW, batchSize: 4 };

    // No time at all: each step still gets its one batch, so a run always makes progress.
    expect(await prune(prisma, logger, RETENTION_DAYS, { ...batches, budgetMs: 0 })).toMatchObject({
      scans: 4,
      complete: false,
    });
    // The oldest four: all three at the oldest instant, one of the three at the next.
    expect((await left()).filter((time) => time < times[8]!)).toEqual([]);
    expect((await left()).filter((time) => time.getTime() === times[8]!.getTime())).toHaveLength(2);
    expect(await prune(prisma, logger, RETENTION_DAYS, { ...batches, budgetMs: 0 })).toMatchObject({
      scans: 4,
      complete: false,
    });

    // With time, one run finishes the rest, batch after batch past each tie.
    expect(await prune(prisma, logger, RETENTION_DAYS, batches)).toMatchObject({ scans: 19, complete: true });
    expect(await left()).toEqual([times[0], times[0], times[0]]);
    expect(await prisma.certificate.count()).toBe(3);
    expect(await prisma.finding.count()).toBe(6);
    expect(await prisma.scanAddress.count()).toBe(3);
  });

  it("keeps audit events for their own retention, pruned oldest first in batches", async () => {
    const team = await prisma.team.create({ data: { name: "audit", slug: "audit" } });
    const ages = [500, 450, 400, 380, 370, 366, 364, 100, 1];
    for (const age of ages)
      await prisma.auditEvent.create({
        data: {
          teamId: team.id,
          actorType: "user",
          actorName: "alice@audit.test",
          action: "policy.updated",
          targetType: "team",
          targetId: team.id,
          targetLabel: "Alert policy",
          before: { failingScanThreshold: age },
          createdAt: daysAgo(age),
        },
      });
    const left = async () =>
      (await prisma.auditEvent.findMany({ where: { teamId: team.id }, orderBy: { createdAt: "asc" } })).map(
        (event) => Math.round((NOW.getTime() - event.createdAt.getTime()) / DAY),
      );
    const batches = { now: NOW, batchSize: 4 };

    // The default retention is a year, whatever the scans' is; one batch takes the oldest four.
    expect(await prune(prisma, logger, RETENTION_DAYS, { ...batches, budgetMs: 0 })).toMatchObject({
      auditEvents: 4,
      complete: false,
    });
    expect(await left()).toEqual([370, 366, 364, 100, 1]);
    expect(await prune(prisma, logger, RETENTION_DAYS, batches)).toMatchObject({
      auditEvents: 2,
      complete: true,
    });
    expect(await left()).toEqual([364, 100, 1]);
    // A deployment's shorter setting (AUDIT_RETENTION_DAYS).
    expect(await prune(prisma, logger, RETENTION_DAYS, { ...batches, auditRetentionDays: 30 })).toMatchObject(
      { auditEvents: 2, complete: true },
    );
    expect(await left()).toEqual([1]);
  });
});
