import { createPrismaClient, type PrismaClient } from "@port443/db";
import {
  createTestDatabase,
  type SmtpTestServer,
  startSmtpServer,
  type TestDatabase,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../src/runtime";
import { expiringEndpoint, seedTeam, sleep, testRuntime, until } from "./support";

describe("a muted domain", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let runtime: Runtime;
  let domainId: string;
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("mute");
    prisma = createPrismaClient(db.url);
    smtp = await startSmtpServer();
    const endpoint = await expiringEndpoint(5);
    closers.push(() => endpoint.served.close());
    const { domains } = await seedTeam(prisma, "mute", [endpoint.root], [endpoint.served.port]);
    domainId = domains[0]!.id;
    await prisma.domain.update({
      where: { id: domainId },
      data: { mutedUntil: new Date(Date.now() + 3_600_000) },
    });
    runtime = testRuntime(prisma, smtp.url, uniquePrefix("mute"));
    await runtime.start();
  });
  afterAll(async () => {
    await runtime.close();
    for (const close of closers) await close();
    await smtp.stop();
    await prisma.$disconnect();
    await db.drop();
  });

  it("opens its alerts without a notice; the first scan after the mute sends it, once", async () => {
    await until(
      async () => (await prisma.alert.count({ where: { domainId, state: "open" } })) > 0,
      20_000,
      "an alert opened while muted",
    );
    await sleep(500);
    expect(smtp.messages).toHaveLength(0);

    await prisma.domain.update({
      where: { id: domainId },
      data: { mutedUntil: null, nextScanAt: new Date() },
    });
    await smtp.waitFor(1, 20_000);
    expect(smtp.messages[0]?.subject).toMatch(/certificate expires in 5 days$/);
    expect(await prisma.alert.count({ where: { domainId, state: "open" } })).toBe(0);

    await prisma.domain.update({ where: { id: domainId }, data: { nextScanAt: new Date() } });
    await until(async () => (await prisma.scan.count({ where: { domainId } })) === 3, 20_000, "a third scan");
    await sleep(1_000);
    expect(smtp.messages).toHaveLength(1);
  });
});
