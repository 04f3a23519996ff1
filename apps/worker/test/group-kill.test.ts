import { type ChildProcess, spawn } from "node:child_process";
import { processEnv } from "@port443/config";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import {
  createTestDatabase,
  freePort,
  type SmtpTestServer,
  startSmtpServer,
  type TestDatabase,
  testRedisUrl,
} from "@port443/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiringEndpoint, forwardPort, seedTeam, sleep, until } from "./support";

describe("a worker killed with SIGKILL while a notification group waits", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  const children: ChildProcess[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  const redisUrl = (() => {
    const url = new URL(testRedisUrl());
    url.pathname = "/10"; // these workers use the default key prefix: apart from other tests (kill.test.ts has 9)
    return url.toString();
  })();

  const startWorker = async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: new URL("..", import.meta.url),
      env: {
        ...processEnv(),
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        SMTP_URL: smtp.url,
        WORKER_PORT: String(await freePort()),
        PORT443_ALLOW_PRIVATE_TARGETS: "true",
        WORKER_LOCK_DURATION_MS: "1000",
        SCHEDULER_TICK_MS: "300",
        JOB_RETRY_DELAY_MS: "100",
        LOG_LEVEL: "warn",
      },
      stdio: "ignore",
    });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    db = await createTestDatabase("group_kill");
    prisma = createPrismaClient(db.url);
    smtp = await startSmtpServer();
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    await redis.quit();
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
