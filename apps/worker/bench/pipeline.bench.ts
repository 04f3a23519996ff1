/**
 * `pnpm bench:pipeline`: N domains (default 10,000) on a pool of local TLS endpoints, scanned end
 * to end by worker processes (schedule → scan → persist → alert evaluation). Reports scans/s,
 * p95 queue latency, database rows/s and peak worker memory; writes them to docs/benchmarks.md.
 * `--tiered` runs the tiered schedule instead (watch probes and deep scans, tiered.ts).
 */
import type { ChildProcess } from "node:child_process";
import { createPrismaClient } from "@port443/db";
import { applyMigrations } from "@port443/db/migrate";
import { markdownTable, percentile, writeBenchmarkSection } from "@port443/devstack/benchmarks";
import { provideServices } from "@port443/devstack/services";
import { createQueues, createRedisConnection } from "@port443/jobs";
import { recreateDatabase, withDatabase } from "@port443/testing";
import { argument, spawnEndpoints, spawnWorkers } from "./harness";
import { cpuByGroup, pidsNamed, rssMb } from "./proc-stats";

if (process.argv.includes("--tiered")) {
  await import("./tiered");
  process.exit(0);
}

const DOMAINS = argument("domains", 10_000);
const ENDPOINTS = argument("endpoints", 50);
const WORKERS = argument("workers", 2);
const CONCURRENCY = argument("concurrency", 16);

const services = await provideServices("dev");
const url = withDatabase(services.databaseUrl, "port443_bench");
const children: ChildProcess[] = [];
try {
  await recreateDatabase(url);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);

  const { child: endpoints, ready } = await spawnEndpoints<{
    endpoints: { host: string; port: number }[];
    rootPem: string;
  }>("endpoints.ts", [String(ENDPOINTS)]);
  children.push(endpoints);
  const { endpoints: targets, rootPem } = ready;

  // A team monitors each endpoint once, so the domains spread over teams.
  const teams = Math.ceil(DOMAINS / targets.length);
  for (let team = 0; team < teams; team++) {
    const created = await prisma.team.create({
      data: { name: `bench ${team}`, slug: `bench-${team}`, privateCaPem: rootPem },
    });
    const rows = targets
      .slice(0, Math.min(targets.length, DOMAINS - team * targets.length))
      .map((target) => ({
        teamId: created.id,
        hostname: target.host,
        port: target.port,
        nextScanAt: new Date(Date.now() + 86_400_000), // not due until the run starts
        // Full scans only: a watch state keeps the first watch probe an hour away (see --tiered).
        watchState: { addresses: [], certificateFindings: [] },
        nextWatchAt: new Date(Date.now() + 86_400_000),
      }));
    await prisma.domain.createMany({ data: rows });
  }
  const prefix = `bench-${Date.now()}`;

  const workers = (
    await spawnWorkers(WORKERS, {
      DATABASE_URL: url,
      REDIS_URL: services.redisUrl,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      SCHEDULER_TICK_MS: "1000",
      PORT443_ALLOW_PRIVATE_TARGETS: "true",
      PORT443_QUEUE_PREFIX: prefix,
    })
  ).map((worker) => worker.child);
  children.push(...workers);
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // workers connected and idle

  // CPU of every process taking part, so the figures show where a scan's cost goes.
  const cpuGroups = {
    "worker processes": () => workers.map((worker) => worker.pid!),
    "TLS endpoints (one Node process)": () => [endpoints.pid!],
    "PostgreSQL (its processes on this machine)": () => pidsNamed("postgres"),
    "Redis (on this machine)": () => pidsNamed("redis-server"),
    "the benchmark's own polling": () => [process.pid],
  };
  const cpuBefore = await cpuByGroup(cpuGroups);
  const rowsBefore = await countRows(prisma);
  const started = Date.now();
  await prisma.domain.updateMany({ data: { nextScanAt: new Date() } });
  let peakRss = 0;
  // The largest worker's RSS at each quarter of the run: a plateau or a creep (run longer with --domains).
  const rssAtQuarter: number[] = [];
  for (;;) {
    const rss = Math.max(...(await Promise.all(workers.map((worker) => rssMb(worker.pid!)))));
    peakRss = Math.max(peakRss, rss);
    const done = await prisma.domain.count({ where: { lastScanAt: { not: null } } });
    while (rssAtQuarter.length < 4 && done >= ((rssAtQuarter.length + 1) * DOMAINS) / 4)
      rssAtQuarter.push(rss);
    if (done >= DOMAINS) break;
    if (Date.now() - started > 900_000)
      throw new Error(`only ${done} of ${DOMAINS} domains scanned in 15 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = (Date.now() - started) / 1000;
  const cpuAfter = await cpuByGroup(cpuGroups);
  const cpuPerScan = [...cpuAfter].map(
    ([group, ms]) => [group, (ms - cpuBefore.get(group)!) / DOMAINS] as const,
  );
  const cpuTotal = cpuPerScan.reduce((sum, [, ms]) => sum + ms, 0);
  const rows = (await countRows(prisma)) - rowsBefore;
  const errors = await prisma.scan.count({ where: { outcome: "error" } });

  const connection = createRedisConnection(services.redisUrl, "worker");
  const queues = createQueues({ connection, prefix });
  const sample = await queues.scans.getJobs(["completed"], 0, 999);
  const latencies = sample.filter((job) => job.processedOn).map((job) => job.processedOn! - job.timestamp);
  await queues.close();
  await connection.quit();
  await prisma.$disconnect();

  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)}: ${DOMAINS} domains on ${ENDPOINTS} endpoints (one loopback address each), ${WORKERS} worker processes × ${CONCURRENCY} concurrent scans (heap capped at 192 MB), PostgreSQL and Redis on the same 2-core machine.`,
    "",
    markdownTable([
      ["measure", "result", "goal"],
      ["all domains scanned end to end", `${seconds.toFixed(1)} s`, "≤ 100 s"],
      ["full scans per second", (DOMAINS / seconds).toFixed(1), "≥ 100"],
      ["scans that ended in an error", String(errors), "0"],
      [
        `queue latency p50 / p95 (last ${latencies.length} jobs)`,
        `${(percentile(latencies, 50) / 1000).toFixed(1)} s / ${(percentile(latencies, 95) / 1000).toFixed(1)} s`,
        "",
      ],
      ["database rows written per second", (rows / seconds).toFixed(0), ""],
      ["peak worker memory (RSS, per process)", `${peakRss.toFixed(0)} MB`, "≤ 300 MB"],
      [
        "worker memory at 25 / 50 / 75 / 100 % of the domains",
        `${rssAtQuarter.map((rss) => rss.toFixed(0)).join(" / ")} MB`,
        "",
      ],
    ]),
    "",
    markdownTable([
      ["CPU per full scan", "ms"],
      ...cpuPerScan.map(([group, ms]) => [group, ms.toFixed(1)]),
      ["all of them (100 scans/s on 2 cores allows 20)", cpuTotal.toFixed(1)],
    ]),
  ].join("\n");
  process.stdout.write(`${table}\n`);
  await writeBenchmarkSection("pipeline", "Monitoring pipeline (`pnpm bench:pipeline`)", table);
} finally {
  for (const child of children) child.kill("SIGTERM");
  await services.stop();
}

async function countRows(prisma: ReturnType<typeof createPrismaClient>) {
  const [row] = await prisma.$queryRaw<{ total: bigint }[]>`
    SELECT (SELECT count(*) FROM scans) + (SELECT count(*) FROM scan_certificates) + (SELECT count(*) FROM findings)
      + (SELECT count(*) FROM scan_addresses) + (SELECT count(*) FROM alerts) AS total`;
  return Number(row!.total);
}
