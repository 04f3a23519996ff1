import http from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@port443/db";
import { type SmtpTestServer, testRedisUrl, uniquePrefix } from "@port443/testing";
import { verifySignature } from "@port443/webhooks";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Runtime, RuntimeOptions } from "../src/runtime";
import { expiringEndpoint, openTestBed, seedTeam, sleep, type TestBed, testRuntime, until } from "./support";

/** Each test gets its own database, Redis key prefix, SMTP server and workers. */
let bed: TestBed;
let prisma: PrismaClient;
let smtp: SmtpTestServer;

beforeEach(async () => {
  bed = await openTestBed("reliability");
  ({ prisma, smtp } = bed);
});
afterEach(() => bed.tearDown());

function startRuntime(prefix: string, overrides: Partial<RuntimeOptions> = {}): Runtime {
  const runtime = testRuntime(prisma, smtp.url, prefix, { retryDelayMs: 100, ...overrides });
  bed.defer(() => runtime.close());
  return runtime;
}

async function endpoints(
  count: number,
  days = 5,
): Promise<{ ports: number[]; roots: Awaited<ReturnType<typeof expiringEndpoint>>["root"][] }> {
  const created = await Promise.all(Array.from({ length: count }, () => expiringEndpoint(days)));
  for (const endpoint of created) bed.defer(() => endpoint.served.close());
  return {
    ports: created.map((endpoint) => endpoint.served.port),
    roots: created.map((endpoint) => endpoint.root),
  };
}

describe("reliability under faults", () => {
  it("SMTP down for several retries, then up: every email arrives exactly once", async () => {
    await smtp.stop();
    const { ports, roots } = await endpoints(2);
    await seedTeam(prisma, "smtp-outage", roots, ports);
    await startRuntime(uniquePrefix("smtp")).start();
    await until(
      async () => {
        const rows = await prisma.notification.findMany();
        return rows.length === 2 && rows.every((row) => row.attempts >= 3 && row.state !== "sent");
      },
      30_000,
      "three failed attempts per email",
    );
    await smtp.start();
    await smtp.waitFor(2, 30_000);
    await sleep(1_500);
    expect(smtp.messages).toHaveLength(2);
    expect(new Set(smtp.messages.map((message) => message.subject)).size).toBe(2);
    const rows = await prisma.notification.findMany();
    expect(rows.map((row) => row.state)).toEqual(["sent", "sent"]);
  });

  it("a webhook answering 500 is retried with backoff, then marked failed; email and other webhooks are unaffected", async () => {
    const received: { body: string; signature: string }[] = [];
    let failures = 0;
    const failing = http.createServer((_request, response) => {
      failures++;
      response.writeHead(500).end();
    });
    const healthy = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        received.push({ body, signature: String(request.headers["x-port443-signature"]) });
        response.writeHead(204).end();
      });
    });
    for (const server of [failing, healthy]) {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      bed.defer(() => new Promise((resolve) => server.close(resolve)));
    }
    const url = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const { ports, roots } = await endpoints(1);
    const { team } = await seedTeam(prisma, "webhooks", roots, ports);
    await prisma.webhook.createMany({
      data: [
        { teamId: team.id, url: url(failing), secret: "s3cret-failing" },
        { teamId: team.id, url: url(healthy), secret: "s3cret-healthy" },
      ],
    });
    const runtime = startRuntime(uniquePrefix("webhooks"), { retryDelayMs: 20 });
    await runtime.start();
    await smtp.waitFor(1, 20_000);
    await until(async () => received.length === 1 && received);
    expect(verifySignature("s3cret-healthy", received[0]!.body, received[0]!.signature)).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      type: "alert.opened",
      domain: { hostname: "127.0.0.1" },
    });
    const failed = await until(
      async () =>
        (await prisma.notification.findFirst({ where: { recipient: url(failing), state: "failed" } })) ??
        undefined,
      30_000,
      "the failing webhook marked failed",
    );
    expect(failed.attempts).toBe(8);
    expect(failures).toBe(8);
    expect(failed.lastError).toMatch(/500/);
    expect(await prisma.notification.count({ where: { state: "sent" } })).toBe(2);

    // A "send test" delivery: webhooks take test notices the email schema would refuse.
    const healthyHook = await prisma.webhook.findFirstOrThrow({ where: { url: url(healthy) } });
    const delivered = await prisma.notification.findFirstOrThrow({ where: { webhookId: healthyHook.id } });
    const test = await prisma.notification.create({
      data: {
        teamId: team.id,
        webhookId: healthyHook.id,
        channel: "webhook",
        event: "test",
        recipient: healthyHook.url,
        payload: { ...(delivered.payload as object), event: "test" },
      },
    });
    await runtime.queues.notifications.add("notify.deliver", { notificationId: test.id });
    await until(async () => received.length === 2, 10_000, "the test delivery");
    expect(JSON.parse(received[1]!.body)).toMatchObject({ type: "test", id: test.id });
  });

  it("two workers with two schedulers never scan one slot twice nor alert twice", async () => {
    const { ports, roots } = await endpoints(4);
    const { domains } = await seedTeam(prisma, "two-workers", roots, ports);
    const prefix = uniquePrefix("two");
    await Promise.all([startRuntime(prefix).start(), startRuntime(prefix).start()]);
    await until(async () => (await prisma.scan.count()) === 4, 30_000, "four scans");
    await smtp.waitFor(4, 20_000);
    // Every domain due again at once, claimed by whichever tick comes first.
    await prisma.domain.updateMany({ data: { nextScanAt: new Date() } });
    await until(async () => (await prisma.scan.count()) === 8, 30_000, "eight scans");
    await sleep(1_500);
    expect(await prisma.scan.count()).toBe(8);
    for (const domain of domains) expect(await prisma.scan.count({ where: { domainId: domain.id } })).toBe(2);
    expect(smtp.messages).toHaveLength(4);
    expect(await prisma.alert.count()).toBe(4);
  });

  it("Redis flushed: the schedulers come back and every domain keeps being scanned", async () => {
    const url = new URL(testRedisUrl());
    url.pathname = "/7"; // a database of its own: flushing it touches no other test
    const redis = new Redis(url.toString());
    bed.defer(() => redis.quit());
    await redis.flushdb();
    const { ports, roots } = await endpoints(2);
    const { domains } = await seedTeam(prisma, "flush", roots, ports);
    const runtime = startRuntime(uniquePrefix("flush"), { redisUrl: url.toString(), leaseSeconds: 2 });
    await runtime.start();
    await until(async () => (await prisma.scan.count()) === 2, 20_000, "first scans");
    await prisma.domain.updateMany({ data: { nextScanAt: new Date() } });
    // Queued scans and the schedulers are gone; the runtime may re-create the
    // schedulers within milliseconds, so what proves recovery is that scans go on.
    await redis.flushdb();
    await until(async () => (await prisma.scan.count()) >= 4, 30_000, "scans after the flush");
    for (const domain of domains)
      expect(await prisma.scan.count({ where: { domainId: domain.id } })).toBeGreaterThanOrEqual(2);
    expect(
      (await runtime.queues.schedule.getJobSchedulers()).map((scheduler) => scheduler.key).sort(),
    ).toEqual(["schedule.digest", "schedule.prune", "schedule.tick"]);
  });
});
