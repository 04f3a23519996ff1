import { startRawServer, testRedisUrl, uniquePrefix } from "@port443/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../src/metrics";
import { openTestBed, seedTeam, type TestBed, testRuntime, until } from "./support";

const MINUTE = 60_000;
const SCAN_TIMEOUT_MS = 6_000;

const retries = async (metrics: Metrics) =>
  (await metrics.scans.get()).values.find((value) => value.labels.outcome === "retry")?.value ?? 0;

describe("cheap failures: a black-holed endpoint", () => {
  let bed: TestBed;
  let redis: Redis;
  beforeAll(async () => {
    bed = await openTestBed("cheap_failures");
    redis = new Redis(testRedisUrl());
    bed.defer(() => redis.quit());
  });
  afterAll(() => bed.tearDown());

  it("costs a full scan timeout once: later scans time out fast, unretried, and come back 1, 2 … minutes later", async () => {
    const { prisma, smtp } = bed;
    const silent = await startRawServer("silent");
    const {
      domains: [domain],
    } = await seedTeam(prisma, "black-hole", [], [silent.port]);
    const prefix = uniquePrefix("cheap");
    const metrics = createMetrics();
    const runtime = testRuntime(prisma, smtp.url, prefix, {
      metrics,
      scanTimeoutMs: SCAN_TIMEOUT_MS,
      retryDelayMs: 100,
    });
    bed.defer(() => runtime.close());
    await runtime.start();
    const scanNumber = (count: number) =>
      until(
        async () => {
          const scans = await prisma.scan.findMany({
            where: { domainId: domain!.id },
            orderBy: { createdAt: "asc" },
          });
          return scans.length === count && scans[count - 1];
        },
        30_000,
        `scan ${count}`,
      );
    const nextScanIn = async () => {
      const row = await prisma.domain.findUniqueOrThrow({ where: { id: domain!.id } });
      return row.nextScanAt.getTime() - row.lastScanAt!.getTime();
    };
    const remembered = () => redis.exists(`${prefix}:unresponsive:127.0.0.1:${silent.port}`);

    // First slot: one attempt with the full timeout, then the retry knows the endpoint and is short.
    const first = await scanNumber(1);
    expect(first.errorCode).toBe("timeout");
    expect(first.durationMs).toBeLessThan(SCAN_TIMEOUT_MS - 1_500);
    expect(await retries(metrics)).toBe(1);
    expect(await nextScanIn()).toBe(1 * MINUTE);
    expect(await remembered()).toBe(1);

    // The next slot is short at once and not retried.
    await prisma.domain.update({ where: { id: domain!.id }, data: { nextScanAt: new Date() } });
    const second = await scanNumber(2);
    expect(second.errorCode).toBe("timeout");
    expect(second.durationMs).toBeLessThan(SCAN_TIMEOUT_MS - 1_500);
    expect(await retries(metrics)).toBe(1);
    expect(await nextScanIn()).toBe(2 * MINUTE);

    // The address answers again (here: refuses): the endpoint is forgotten, so it gets full scans again.
    await silent.close();
    await prisma.domain.update({ where: { id: domain!.id }, data: { nextScanAt: new Date() } });
    const third = await scanNumber(3);
    expect(third.errorCode).toBe("connection_refused");
    expect(await remembered()).toBe(0);
    expect(await nextScanIn()).toBe(4 * MINUTE);
  }, 60_000);
});
