import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createQueues, createRedisConnection } from "@port443/jobs";
import { getScan, requestScan } from "@port443/services";
import {
  createChain,
  createTestDatabase,
  type Served,
  type SmtpTestServer,
  startSmtpServer,
  startTlsServer,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import type { Runtime } from "../src/runtime";
import { testRuntime, until } from "./support";

const DAY = 86_400_000;

describe("monitoring pipeline: schedule → scan → persist → alert → email", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let tlsServer: Served;
  let runtime: Runtime;
  let domainId: string;
  const prefix = uniquePrefix("pipeline");

  beforeAll(async () => {
    db = await createTestDatabase("pipeline");
    prisma = createPrismaClient(db.url);
    smtp = await startSmtpServer();
    const chain = await createChain({
      leaf: {
        subject: "CN=127.0.0.1",
        dnsNames: [],
        ipAddresses: ["127.0.0.1"],
        notAfter: new Date(Date.now() + 5 * DAY + 3_600_000),
      },
    });
    tlsServer = await startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" });
    const team = await prisma.team.create({
      data: { name: "Acme", slug: "acme", privateCaPem: chain.root.pem },
    });
    const owner = await prisma.user.create({ data: { email: "owner@acme.test" } });
    await prisma.member.create({ data: { teamId: team.id, userId: owner.id, role: "owner" } });
    // A notification group's first message waits a second for others instead of the default 30 s.
    await prisma.alertPolicy.create({ data: { teamId: team.id, recipients: [], groupWaitSeconds: 1 } });
    const domain = await prisma.domain.create({
      data: { teamId: team.id, hostname: "127.0.0.1", port: tlsServer.port },
    });
    domainId = domain.id;
    runtime = testRuntime(prisma, smtp.url, prefix);
    await runtime.start();
  });

  afterAll(async () => {
    await runtime.close();
    await tlsServer.close();
    await smtp.stop();
    await prisma.$disconnect();
    await db.drop();
  });

  it("scans a due domain, stores the result and sends exactly one expiry email", async () => {
    await smtp.waitFor(1, 20_000);
    const [message] = smtp.messages;
    expect(message?.to).toEqual(["owner@acme.test"]);
    expect(message?.subject).toMatch(/^\[critical\] 127\.0\.0\.1:\d+ – certificate expires in 5 days$/);
    expect(message?.text).toContain(`https://port443.test/domains/${domainId}`);
    expect(message?.html).toContain(`https://port443.test/domains/${domainId}`);

    const domain = await prisma.domain.findUniqueOrThrow({ where: { id: domainId } });
    expect(domain).toMatchObject({ status: "critical", failureCount: 0, lastError: null });
    expect(domain.grade).not.toBeNull();
    expect(domain.nextScanAt.getTime()).toBeGreaterThan(Date.now() + 5 * 3_600_000);
    const scans = await prisma.scan.findMany({
      where: { domainId },
      include: { certificates: true, findings: true },
    });
    expect(scans).toHaveLength(1);
    expect(scans[0]?.certificates.map((link) => link.position)).toEqual([0, 1, 2]);
    expect(scans[0]?.findings.map((finding) => finding.ruleId)).toContain("cert.expiring_soon");
    const alerts = await prisma.alert.findMany({ where: { domainId } });
    expect(alerts.map((alert) => [alert.key.split(":").slice(0, 2).join(":"), alert.state])).toContainEqual([
      "expiry:7",
      "notified",
    ]);
    const delivered = await until(async () => {
      const rows = await prisma.notification.findMany({ where: { channel: "email" } });
      return rows.every((row) => row.state === "sent") && rows;
    });
    expect(delivered).toHaveLength(1);
  });

  it("sends nothing new when the domain is scanned again", async () => {
    await prisma.domain.update({ where: { id: domainId }, data: { nextScanAt: new Date() } });
    await until(async () => (await prisma.scan.count({ where: { domainId } })) === 2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.messages).toHaveLength(1);
    expect(await prisma.notification.count()).toBe(1);
    expect(await prisma.certificate.count()).toBe(3);
  });

  it("runs a requested scan ('Scan now') and reports its state from queued to done", async () => {
    const connection = createRedisConnection(testRedisUrl(), "worker");
    const queues = createQueues({ connection, prefix });
    try {
      const domain = await prisma.domain.findUniqueOrThrow({ where: { id: domainId } });
      const ctx = { prisma, queues, teamId: domain.teamId, role: "member" as const };
      const requested = await requestScan(ctx, { domainId });
      expect(requested.status).toBe("queued");
      const done = await until(async () => {
        const scan = await getScan(ctx, { scanId: requested.id });
        return scan.status === "done" && scan;
      });
      expect(done).toMatchObject({ trigger: "manual", outcome: "success" });
      expect(done.certificates.map((link) => link.certificate.subject)).toEqual([
        "CN=127.0.0.1",
        "CN=Port443 Test Intermediate CA",
        "CN=Port443 Test Root CA",
      ]);
      await expect(
        getScan({ ...ctx, teamId: "01a21954-0000-7000-8000-000000000000" }, { scanId: requested.id }),
      ).rejects.toMatchObject({
        code: "not_found",
      });
    } finally {
      await queues.close();
      await connection.quit();
    }
  });

  it("never scans one slot twice, however many ticks run", async () => {
    const connection = createRedisConnection(testRedisUrl(), "worker");
    const queues = createQueues({ connection, prefix });
    try {
      await prisma.domain.update({ where: { id: domainId }, data: { nextScanAt: new Date() } });
      const { tick } = await import("../src/processors/tick");
      const logger = createLogger("silent");
      const results = await Promise.all([
        tick(prisma, queues, logger),
        tick(prisma, queues, logger),
        tick(prisma, queues, logger),
      ]);
      expect(results.reduce((sum, result) => sum + result.scheduled, 0)).toBeLessThanOrEqual(1);
      await until(async () => (await prisma.scan.count({ where: { domainId, trigger: "schedule" } })) === 3);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await prisma.scan.count({ where: { domainId, trigger: "schedule" } })).toBe(3);
    } finally {
      await queues.close();
      await connection.quit();
    }
  });
});
