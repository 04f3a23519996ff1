import type { ChildProcess } from "node:child_process";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import {
  createTestDatabase,
  type SmtpTestServer,
  startSmtpServer,
  type TestDatabase,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiringEndpoint, forwardPort, seedTeam, sleep, until } from "./support";
import { emptyRedisDatabase, spawnWorker } from "./worker-process";

describe("a worker killed with SIGKILL while a notification group waits", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  const children: ChildProcess[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  let redisUrl: string;

  const startWorker = async () => {
    const child = await spawnWorker({ database: db.url, redis: redisUrl, smtp: smtp.url });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    db = await createTestDatabase("group_kill");
    prisma = createPrismaClient(db.url);
    smtp = await startSmtpServer();
    redisUrl = await emptyRedisDatabase(10);
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    for (const close of closers.reverse()) await close();
    await smtp.stop();
    await prisma.$disconnect();
    await db.drop();
  });

  it("sends the group's message exactly once from the next worker", { timeout: 120_000 }, async () => {
    const { served, root } = await expiringEndpoint(5);
    closers.push(() => served.close());
    const forwarders = await Promise.all([forwardPort(served.port), forwardPort(served.port)]);
    for (const forwarder of forwarders) closers.push(() => forwarder.close());
    const { team, domains } = await seedTeam(
      prisma,
      "group-killed",
      [root],
      forwarders.map((forwarder) => forwarder.port),
    );
    await prisma.alertPolicy.updateMany({
      where: { teamId: team.id, domainId: null },
      data: { groupWaitSeconds: 8 },
    });

    const first = await startWorker();
    // Both domains' alerts joined the group, whose first message is still waiting.
    const group = await until(
      async () => {
        const found = await prisma.notificationGroup.findFirst({
          where: { teamId: team.id, firstSentAt: null, nextSendAt: { not: null } },
          include: { _count: { select: { members: true } } },
        });
        return found?._count.members === 2 && found;
      },
      30_000,
      "the group's two members",
    );
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    expect(await prisma.notification.count()).toBe(0);
    expect(smtp.messages).toHaveLength(0);

    // The next worker finds the dead one's delayed flush job and the group due on its sweep: one message.
    await startWorker();
    await smtp.waitFor(1, 60_000);
    await sleep(3_000);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.subject).toMatch(/^\[\w+\] 2 domains – certificate expires soon \(certificate /);
    for (const domain of domains) expect(smtp.messages[0]?.text).toContain(`127.0.0.1:${domain.port}`);
    expect(await prisma.notification.findMany({ select: { groupId: true, state: true } })).toEqual([
      { groupId: group.id, state: "sent" },
    ]);
  });
});
