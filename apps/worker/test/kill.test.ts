import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
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
import { expiringEndpoint, seedTeam, sleep, until } from "./support";

/** A TCP proxy that holds each connection for `delayMs` before passing it on, until told to hurry. */
async function slowProxy(targetPort: number, delayMs: number) {
  let connections = 0;
  let delay = delayMs;
  const server = net.createServer((client) => {
    connections++;
    client.pause();
    client.on("error", () => {});
    setTimeout(() => {
      const upstream = net.connect(targetPort, "127.0.0.1");
      upstream.on("error", () => client.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    hurry: () => {
      delay = 0;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe("a worker killed with SIGKILL mid-scan", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  const children: ChildProcess[] = [];
  const redisUrl = (() => {
    const url = new URL(testRedisUrl());
    url.pathname = "/9"; // these workers use the default key prefix: keep them apart from other tests
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
    db = await createTestDatabase("kill");
    prisma = createPrismaClient(db.url);
    smtp = await startSmtpServer();
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    await redis.quit();
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await smtp.stop();
    await prisma.$disconnect();
    await db.drop();
  });

  it("has its job picked up by another worker, and exactly one notification results", {
    timeout: 120_000,
  }, async () => {
    const { served, root } = await expiringEndpoint(5);
    const proxy = await slowProxy(served.port, 1_500);
    try {
      const { domains } = await seedTeam(prisma, "killed", [root], [proxy.port]);
      const first = await startWorker();
      await until(async () => proxy.connections() > 0, 30_000, "the first worker's scan to start");
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      proxy.hurry();
      expect(await prisma.scan.count()).toBe(0);

      await startWorker();
      // Generous: on a loaded CI machine the takeover, scan and delivery once took over 40 s.
      await smtp.waitFor(1, 60_000);
      await sleep(2_000);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]?.subject).toMatch(/certificate expires in 5 days/);
      expect(await prisma.scan.count({ where: { domainId: domains[0]!.id } })).toBe(1);
      expect(await prisma.notification.count()).toBe(1);
    } finally {
      await proxy.close();
      await served.close();
    }
  });
});
