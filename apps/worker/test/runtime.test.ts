import type { AddressInfo } from "node:net";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import {
  createProcessor,
  createQueues,
  createRedisConnection,
  enqueue,
  PermanentJobError,
} from "@port443/jobs";
import { outboundPolicies } from "@port443/net";
import { createTestDatabase, type TestDatabase, testRedisUrl, uniquePrefix } from "@port443/testing";
import { Job, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../src/http";
import { createLogger } from "../src/logger";
import { createMetrics } from "../src/metrics";
import { createRuntime, type Runtime } from "../src/runtime";

describe("worker runtime against real Redis and PostgreSQL", () => {
  const prefix = uniquePrefix("worker");
  const producer = createRedisConnection(testRedisUrl(), "worker");
  const queues = createQueues({ connection: producer, prefix });
  const events = new QueueEvents("system", {
    connection: createRedisConnection(testRedisUrl(), "worker"),
    prefix,
  });
  const metrics = createMetrics();
  let db: TestDatabase;
  let prisma: PrismaClient;
  let runtime: Runtime;

  beforeAll(async () => {
    db = await createTestDatabase("worker");
    prisma = createPrismaClient(db.url);
    runtime = createRuntime({
      prisma,
      redisUrl: testRedisUrl(),
      concurrency: 2,
      logger: createLogger("silent"),
      metrics,
      prefix,
      policies: outboundPolicies({ allowPrivate: true }),
    });
    await events.waitUntilReady();
    await runtime.start();
  });

  afterAll(async () => {
    await runtime.close();
    await events.close();
    await queues.close();
    await producer.quit();
    await prisma.$disconnect();
    await db.drop();
  });

  it("processes a job enqueued through @port443/jobs, reading PostgreSQL", async () => {
    const job = await enqueue(queues, "system.heartbeat", { source: "startup" });
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result.source).toBe("startup");
    expect(Date.parse(result.databaseTime)).toBeGreaterThan(Date.now() - 60_000);
    expect((await runtime.status()).lastHeartbeat).not.toBeNull();
  });

  it("refuses an invalid payload at enqueue time", async () => {
    await expect(
      // @ts-expect-error: the payload is wrong on purpose
      enqueue(queues, "system.heartbeat", { source: "somewhere" }),
    ).rejects.toThrow(/Invalid option/);
  });

  it("fails an invalid payload permanently in the worker, without retries", async () => {
    const job = await queues.system.add("system.heartbeat", { source: 42 }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/invalid payload/);
    const failed = await Job.fromId(queues.system, job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/invalid payload for "system.heartbeat"/);
  });

  it("registers the heartbeat scheduler once however often it starts", async () => {
    await runtime.start();
    expect((await queues.system.getJobSchedulers()).map((scheduler) => scheduler.key)).toEqual([
      "system.heartbeat",
    ]);
    expect((await queues.schedule.getJobSchedulers()).map((scheduler) => scheduler.key).sort()).toEqual([
      "schedule.digest",
      "schedule.prune",
      "schedule.tick",
    ]);
  });

  it("serves /health and /metrics", async () => {
    const server = createHttpServer(runtime, metrics);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, redis: "up", database: "up" });
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).toMatch(/port443_jobs_total\{job="system.heartbeat",outcome="completed"\} [1-9]/);
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});

describe("createProcessor", () => {
  it("turns unknown job names into permanent errors", async () => {
    const processor = createProcessor({});
    await expect(processor({ name: "nope", data: {} } as Job)).rejects.toBeInstanceOf(PermanentJobError);
  });
});
