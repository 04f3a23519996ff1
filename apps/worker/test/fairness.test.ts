import { createQueues, createRedisConnection } from "@port443/jobs";
import { addDomain, ensureTeam } from "@port443/services";
import { createChain, startRawServer, startTlsServer, testRedisUrl, uniquePrefix } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../src/metrics";
import type { Runtime } from "../src/runtime";
import { openTestBed, sleep, type TestBed, testRuntime, until } from "./support";

const BLACK_HOLED = 300;

describe("fair scanning: one team's black-holed domains do not hold up another team", () => {
  let bed: TestBed;
  beforeAll(async () => {
    bed = await openTestBed("fairness");
  });
  afterAll(() => bed.tearDown());

  it("with another team's 300 domains black-holed, a new team's first scan arrives within a minute", async ({
    annotate,
  }) => {
    const { prisma, smtp } = bed;
    // Team A: 300 names on one address whose port accepts connections and never answers, all due.
    const silent = await startRawServer("silent");
    bed.defer(() => silent.close());
    const teamA = await prisma.team.create({ data: { name: "A", slug: "black-holes" } });
    await prisma.domain.createMany({
      data: Array.from({ length: BLACK_HOLED }, (_, index) => ({
        teamId: teamA.id,
        hostname: `hole-${index}.team-a.test`,
        port: silent.port,
      })),
    });
    // Team B's server is on another loopback address (politeness leases are per address).
    const chain = await createChain({
      leaf: { subject: "CN=127.0.0.2", dnsNames: [], ipAddresses: ["127.0.0.2"] },
    });
    const served = await startTlsServer({ chain: [chain.leaf, chain.intermediate], host: "127.0.0.2" });
    bed.defer(() => served.close());

    // Two worker processes with the production scan timeout; every name of team A is 127.0.0.1.
    const prefix = uniquePrefix("fairness");
    const metrics = [createMetrics(), createMetrics()];
    const runtimes: Runtime[] = metrics.map((own) =>
      testRuntime(prisma, smtp.url, prefix, { metrics: own, resolve: async () => ["127.0.0.1"] }),
    );
    bed.defer(() => Promise.all(runtimes.map((runtime) => runtime.close())));
    for (const runtime of runtimes) await runtime.start();
    await until(
      async () =>
        (await prisma.domain.count({ where: { teamId: teamA.id, nextScanAt: { gt: new Date() } } })) ===
        BLACK_HOLED,
      20_000,
      "team A's domains claimed",
    );
    await sleep(2_000); // the workers are deep in team A's scans

    const producer = createRedisConnection(testRedisUrl(), "producer");
    const queues = createQueues({ connection: producer, prefix });
    bed.defer(async () => {
      await queues.close();
      await producer.quit();
    });
    const teamB = await ensureTeam({ prisma }, { slug: "newcomer", create: true });
    const started = Date.now();
    const domain = await addDomain(
      { prisma, queues, teamId: teamB.id, role: "owner" },
      { hostname: "127.0.0.2", port: served.port },
    );
    const scan = await until(
      () => prisma.scan.findFirst({ where: { domainId: domain.id } }),
      60_000,
      "team B's first scan",
    );
    const elapsed = Date.now() - started;
    await annotate(`team B's first scan arrived ${elapsed} ms after the domain was added`);
    expect(elapsed).toBeLessThan(60_000);
    expect(scan.outcome).toBe("success");

    // Team A's scans were put back while their address was busy (not failed), and are far from done.
    let deferred = 0;
    for (const own of metrics) deferred += (await own.scanDeferrals.get()).values[0]?.value ?? 0;
    expect(deferred).toBeGreaterThan(0);
    expect(await prisma.scan.count({ where: { teamId: teamA.id } })).toBeLessThan(BLACK_HOLED);
    expect(await runtimes[0]!.queues.scans.getFailedCount()).toBe(0);
  }, 90_000);
});
