import { testRedisUrl, uniquePrefix } from "@port443/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../src/metrics";
import type { Runtime } from "../src/runtime";
import { AddressLeases } from "../src/scanning/address-leases";
import { expiringEndpoint, openTestBed, seedTeam, sleep, type TestBed, testRuntime, until } from "./support";

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

    // Scans put back for the busy address wait longer each time, so eight in a row take a while.
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
    // Both processes took part: each scanned, or was put off while the other held the lease (a
    // process that scanned nothing held none itself), so the limit held between them.
    for (const own of metrics) {
      const deferred = (await own.scanDeferrals.get()).values[0]?.value ?? 0;
      expect((await scansBy(own)) + deferred).toBeGreaterThan(0);
    }
  }, 75_000);

  it("a full address is refused at once, also to another process, and a lease its worker never returned (killed) frees itself when it expires", async () => {
    const prefix = uniquePrefix("leases");
    const leases = new AddressLeases(redis, { limit: 1, leaseMs: 400, prefix });
    const otherRedis = new Redis(testRedisUrl());
    bed.defer(() => otherRedis.quit());
    const otherProcess = new AddressLeases(otherRedis, { limit: 1, leaseMs: 400, prefix });
    expect(await leases.tryAcquire("192.0.2.1")).not.toBeNull(); // never released
    const refusedAt = Date.now();
    expect(await leases.tryAcquire("192.0.2.1")).toBeNull();
    expect(await otherProcess.tryAcquire("192.0.2.1")).toBeNull();
    expect(Date.now() - refusedAt).toBeLessThan(200); // no waiting for the holder

    const other = await otherProcess.tryAcquire("192.0.2.2"); // another address is not held up
    expect(other).not.toBeNull();
    await other!();
    await sleep(450);
    const release = await otherProcess.tryAcquire("192.0.2.1");
    expect(release).not.toBeNull();
    await release!();
    expect(await leases.tryAcquire("192.0.2.1")).not.toBeNull();
  });

  it("leases count connections: a deep scan takes as many as it opens, watch probes one each, and a short lease never cuts a long one", async () => {
    const leases = new AddressLeases(redis, { limit: 8, leaseMs: 2_000, prefix: uniquePrefix("weights") });
    const deep = await leases.tryAcquire("192.0.2.9", { weight: 4 });
    expect(deep).not.toBeNull();
    const probes = await Promise.all(
      Array.from({ length: 5 }, () => leases.tryAcquire("192.0.2.9", { leaseMs: 100 })),
    );
    expect(probes.filter(Boolean)).toHaveLength(4);
    expect(await leases.tryAcquire("192.0.2.9", { weight: 4 })).toBeNull();
    // The probes' leases lapse; the deep scan's still holds its four.
    await sleep(200);
    expect(await leases.tryAcquire("192.0.2.9", { weight: 4 })).not.toBeNull();
    expect(await leases.tryAcquire("192.0.2.9")).toBeNull();
    await deep!();
    expect(await leases.tryAcquire("192.0.2.9", { weight: 4 })).not.toBeNull();
    // Probes leave a deep scan room to start, however many of them come, and run beside it.
    const other = "192.0.2.10";
    const many = await Promise.all(
      Array.from({ length: 8 }, () => leases.tryAcquire(other, { probeCap: 4, leaseMs: 1_000 })),
    );
    expect(many.filter(Boolean)).toHaveLength(4);
    expect(await leases.tryAcquire(other, { weight: 4 })).not.toBeNull();
    await Promise.all(many.map((release) => release?.()));
    const beside = await Promise.all(
      Array.from({ length: 6 }, () => leases.tryAcquire(other, { probeCap: 4, leaseMs: 1_000 })),
    );
    expect(beside.filter(Boolean)).toHaveLength(4);
  });
});
