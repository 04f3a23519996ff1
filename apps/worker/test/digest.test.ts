import { createPrismaClient, type PrismaClient } from "@port443/db";
import {
  createTestDatabase,
  type SmtpTestServer,
  startSmtpServer,
  type TestDatabase,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { sendDigests } from "../src/processors/digest";
import type { Runtime } from "../src/runtime";
import { expiringEndpoint, seedTeam, sleep, testRuntime, until } from "./support";

describe("daily digest instead of one email per alert", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let runtime: Runtime;
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("digest");
    prisma = createPrismaClient(db.url);
    smtp = await startSmtpServer();
    const endpoints = await Promise.all([expiringEndpoint(5), expiringEndpoint(12)]);
    for (const endpoint of endpoints) closers.push(() => endpoint.served.close());
    const { team } = await seedTeam(
      prisma,
      "digest",
      endpoints.map((endpoint) => endpoint.root),
      endpoints.map((endpoint) => endpoint.served.port),
    );
    await prisma.alertPolicy.create({
      data: { teamId: team.id, expiryThresholds: [], recipients: [], dailyDigest: true },
    });
    runtime = testRuntime(prisma, smtp.url, uniquePrefix("digest"));
    await runtime.start();
  });
  afterAll(async () => {
    await runtime.close();
    for (const close of closers) await close();
    await smtp.stop();
    await prisma.$disconnect();
    await db.drop();
  });

  it("holds alert emails, then sends one digest per recipient, once", async () => {
    await until(
      async () => (await prisma.notification.count({ where: { state: "held" } })) === 2,
      20_000,
      "two held emails",
    );
    await sleep(500);
    expect(smtp.messages).toHaveLength(0);

    const logger = createLogger("silent");
    expect(await sendDigests(prisma, runtime.queues, logger, { publicUrl: "https://port443.test" })).toEqual({
      digests: 1,
    });
    await smtp.waitFor(1, 10_000);
    const [digest] = smtp.messages;
    expect(digest?.to).toEqual(["owner@digest.test"]);
    expect(digest?.subject).toMatch(/^\[digest\] digest – \d{4}-\d{2}-\d{2}: 1 critical, 1 high$/);
    expect(digest?.text).toMatch(/expires in 5 days/);
    expect(digest?.text).toMatch(/expires in 12 days/);

    expect(await sendDigests(prisma, runtime.queues, logger, { publicUrl: "https://port443.test" })).toEqual({
      digests: 0,
    });
    await sleep(1_000);
    expect(smtp.messages).toHaveLength(1);
    expect(await prisma.notification.count({ where: { state: "held" } })).toBe(0);
  });
});
