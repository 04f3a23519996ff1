import { testRedisUrl, uniquePrefix } from "@port443/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../src/metrics";
import type { Runtime } from "../src/runtime";
import { AddressLeases } from "../src/scanning/address-leases";
import { expiringEndpoint, openTestBed, seedTeam, type TestBed, testRuntime, until } from "./support";

/** The most intervals that overlap at any instant. */
function mostAtOnce(intervals: { start: number; end: number }[]): number {
  const events = intervals.flatMap(({ start, end }) => [
    { at: start, step: 1 },
    { at: end, step: -1 },
  ]);
  // At equal times an end comes first: one scan handing its lease to the next is not an overlap.
  events.sort((a, b) => a.at - b.at || a.step - b.step);
  let open = 0;
  let most = 0;
  for (const { step } of events) {
    open += step;
    most = Math.max(most, open);
  }
  return most;
}

const scansBy = async (metrics: Metrics) =>
  (await metrics.scans.get()).values.reduce((sum, { value }) => sum + value, 0);

describe("politeness towards one address, across worker processes", () => {
  let bed: TestBed;
  let redis: Redis;

  beforeAll(async () => {
    bed = await openTestBed("politeness");
    redis = new Redis(testRedisUrl());
    bed.defer(() => redis.quit());
  });
  afterAll(() => bed.tearDown());

  it("two runtimes, four scans at once each, never scan one address twice at once with a limit of one", async () => {
    const { prisma, smtp } = bed;
    const { served, root } = await expiringEndpoint(90);
    bed.defer(() => served.close());
    // Eight teams monitor the same endpoint: eight due domains on one address.
    for (let team = 0; team < 8; team++) await seedTeam(prisma, `polite-${team}`, [root], [served.port]);
    const prefix = uniquePrefix("politeness");
    const metrics = [createMetrics(), createMetrics()];
    for (const own of metrics) {
      const runtime: Runtime = testRuntime(prisma, smtp.url, prefix, {
        concurrency: 4,
        scansPerAddress: 1,
        metrics: own,
      });
      bed.defer(() => runtime.close());
      await runtime.start();
    }

    await until(
      async () => (await prisma.domain.count({ where: { lastScanAt: null } })) === 0,
      60_000,
      "every domain scanned",
    );
    const scans = await prisma.scan.findMany({ select: { startedAt: true, durationMs: true } });
    expect(scans).toHaveLength(8);
    const intervals = scans.map((scan) => ({
      start: scan.startedAt!.getTime(),
      end: scan.startedAt!.getTime() + scan.durationMs!,
    }));
    expect(mostAtOnce(intervals)).toBe(1);
    // Both processes took part, so the limit held between them, not just within each.
    for (const own of metrics) expect(await scansBy(own)).toBeGreaterThan(0);
  });

  it("a lease its worker never returned (killed) frees itself when it expires", async () => {
    const leases = new AddressLeases(redis, { limit: 1, leaseMs: 400, prefix: uniquePrefix("leases") });
    await leases.acquire("192.0.2.1"); // never released
    const started = Date.now();
    const release = await leases.acquire("192.0.2.1");
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(Date.now() - started).toBeLessThan(3_000);

    const other = await leases.acquire("192.0.2.2"); // another address is not held up
    await other();
    await release();
    const again = Date.now();
    await (await leases.acquire("192.0.2.1"))();
    expect(Date.now() - again).toBeLessThan(200);
  });
});
