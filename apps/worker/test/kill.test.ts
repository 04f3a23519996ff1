import type { ChildProcess } from "node:child_process";
import net from "node:net";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import {
  createTestDatabase,
  type SmtpTestServer,
  startSmtpServer,
  type TestDatabase,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiringEndpoint, seedTeam, sleep, until } from "./support";
import { emptyRedisDatabase, spawnWorker } from "./worker-process";

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
  let redisUrl: string;

  const startWorker = async () => {
    const child = await spawnWorker({ database: db.url, redis: redisUrl, smtp: smtp.url });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    db = await createTestDatabase("kill");
    prisma = createPrismaClient(db.url);
    smtp = await startSmtpServer();
    redisUrl = await emptyRedisDatabase(9);
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
