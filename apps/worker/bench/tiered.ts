/**
 * `pnpm bench:pipeline --tiered`: the tiered schedule at compressed intervals. N domains (default
 * 20,000) over loopback endpoints, each domain watched every `--watch-seconds` (default 30: the
 * compressed hour) and deep-scanned every 24 times that (the compressed day), by worker processes
 * built as shipped. Phases:
 *
 * 1. calibration: every domain's first watch probe (both reads, the baseline);
 * 2. watch only (`--window` seconds): the steady state of probes, no deep scan due, which gives
 *    the worker CPU, database rows and WAL bytes per watch probe;
 * 3. tiered (twice the window): deep scans due at the compressed daily rate beside the probes;
 *    a third of the way in, a few percent of the domains change: their endpoints serve a new
 *    certificate or a weaker configuration. The worker CPU left after the probes' share is the deep
 *    scans'.
 *
 * Then it checks that every changed domain got exactly one deep scan for its change and the right
 * alert (certificate changed; grade dropped), and that no unchanged domain got one, and writes the
 * figures and the capacity they imply to docs/benchmarks.md.
 */
import type { ChildProcess } from "node:child_process";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { applyMigrations } from "@port443/db/migrate";
import { markdownTable, writeBenchmarkSection } from "@port443/devstack/benchmarks";
import { provideServices } from "@port443/devstack/services";
import { gradeToDb } from "@port443/monitoring";
import { createTrustStore, scan } from "@port443/scanner";
import { recreateDatabase, withDatabase } from "@port443/testing";
import { argument, spawnEndpoints, spawnWorkers, workerCounter } from "./harness";
import { cpuByGroup, pidsNamed, rssMb } from "./proc-stats";

const DOMAINS = argument("domains", 20_000);
const ENDPOINTS = argument("endpoints", 100);
const WORKERS = argument("workers", 2);
const WATCH_SECONDS = argument("watch-seconds", 30);
const DEEP_SECONDS = 24 * WATCH_SECONDS;
const WINDOW_SECONDS = argument("window", 60);
/** Endpoints that get a new certificate, and that get a weaker configuration, during the run. */
const SWAPPED = [0, 1];
const WEAKENED = [2];

const services = await provideServices("dev");
const url = withDatabase(services.databaseUrl, "port443_bench_tiered");
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
try {
  await recreateDatabase(url);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  const { child: endpointsProcess, ready } = await spawnEndpoints<{
    endpoints: { host: string; port: number }[];
    rootPem: string;
  }>("tiered-endpoints.ts", [String(ENDPOINTS)]);
  children.push(endpointsProcess);
  const { endpoints, rootPem } = ready;

  // What a deep scan of an endpoint finds now: the domains start out as if one had just run.
  const baseline = await scan({ ...endpoints[0]!, trustStore: createTrustStore([rootPem]) });
  if (!baseline.certificate || !baseline.grade)
    throw new Error(`the endpoints do not scan: ${baseline.error?.message}`);
  const seeded = Date.now();
  const teams = Math.ceil(DOMAINS / endpoints.length);
  for (let index = 0; index < teams; index++) {
    // A team monitors each endpoint once, so the domains spread over teams.
    const team = await prisma.team.create({
      data: {
        name: `bench ${index}`,
        slug: `bench-${index}`,
        privateCaPem: rootPem,
        defaultWatchIntervalSeconds: WATCH_SECONDS,
        defaultScanIntervalSeconds: DEEP_SECONDS,
      },
    });
    await prisma.alertPolicy.create({
      data: { teamId: team.id, recipients: [], notifyCertChange: true, groupWaitSeconds: 0 },
    });
    await prisma.domain.createMany({
      data: endpoints
        .slice(0, Math.min(endpoints.length, DOMAINS - index * endpoints.length))
        .map((target) => ({
          teamId: team.id,
          hostname: target.host,
          port: target.port,
          status: "ok" as const,
          grade: gradeToDb[baseline.grade!],
          fingerprint: baseline.certificate!.fingerprintSha256,
          notAfter: new Date(baseline.certificate!.notAfter),
          issuer: baseline.certificate!.issuer,
          lastScanAt: new Date(seeded),
          nextScanAt: new Date(seeded + 30 * 86_400_000), // no deep scan until the tiered phase
          nextWatchAt: new Date(seeded + 30 * 86_400_000),
        })),
    });
  }

  const prefix = `bench-tiered-${Date.now()}`;
  const workers = await spawnWorkers(WORKERS, {
    DATABASE_URL: url,
    REDIS_URL: services.redisUrl,
    SCHEDULER_TICK_MS: "1000",
    PORT443_ALLOW_PRIVATE_TARGETS: "true",
    PORT443_QUEUE_PREFIX: prefix,
    PORT443_MIN_WATCH_INTERVAL_SECONDS: "1",
  });
  children.push(...workers.map((worker) => worker.child));
  await sleep(3_000); // workers connected and idle

  const cpuGroups = {
    worker: () => workers.map((worker) => worker.child.pid!),
    endpoints: () => [endpointsProcess.pid!],
    postgres: () => pidsNamed("postgres"),
    redis: () => pidsNamed("redis-server"),
    bench: () => [process.pid],
  };
  const rss: number[] = [];
  const sampleRss = async () =>
    rss.push(Math.max(...(await Promise.all(workers.map((w) => rssMb(w.child.pid!))))));
  const snapshot = async () => ({
    at: Date.now(),
    cpu: await cpuByGroup(cpuGroups),
    probes: sum(await workerCounter(workers, "port443_watch_probes_total", "outcome"), ["deferred"]),
    deferred: (await workerCounter(workers, "port443_watch_probes_total", "outcome")).get("deferred") ?? 0,
    scans: await prisma.scan.count(),
    database: await databaseWrites(prisma),
  });

  // 1. Calibration: every domain's first probe, read both ways.
  const calibrationStarted = Date.now();
  await prisma.domain.updateMany({ data: { nextWatchAt: new Date() } });
  await until(
    async () => (await prisma.domain.count({ where: { lastProbeAt: null } })) === 0,
    600,
    async () => {
      await sampleRss();
    },
  );
  const calibrationSeconds = (Date.now() - calibrationStarted) / 1000;

  // 2. Watch only.
  const watchStart = await snapshot();
  await tickFor(WINDOW_SECONDS, sampleRss);
  const watchEnd = await snapshot();

  // 3. Tiered: deep scans due at the compressed daily rate, spread over the compressed day.
  await prisma.$executeRaw`
    UPDATE domains SET next_scan_at = now() AT TIME ZONE 'UTC' + random() * ${DEEP_SECONDS} * interval '1 second'`;
  const tieredStart = await snapshot();
  await tickFor(WINDOW_SECONDS * (2 / 3), sampleRss);
  const changedAt = new Date();
  for (const index of SWAPPED) endpointsProcess.stdin!.write(`${JSON.stringify({ certificate: index })}\n`);
  for (const index of WEAKENED)
    endpointsProcess.stdin!.write(`${JSON.stringify({ configuration: index })}\n`);
  await tickFor(WINDOW_SECONDS * (4 / 3), sampleRss);
  const tieredEnd = await snapshot();

  // Every changed domain noticed at a probe after the change and deep-scanned for it.
  const changedHosts = [...SWAPPED, ...WEAKENED].map((index) => endpoints[index]!.host);
  const changed = await prisma.domain.findMany({
    where: { hostname: { in: changedHosts } },
    select: { id: true, hostname: true },
  });
  await until(
    async () =>
      (await prisma.scan
        .groupBy({
          by: ["domainId"],
          where: { trigger: "change", domainId: { in: changed.map((domain) => domain.id) } },
        })
        .then((groups) => groups.length)) === changed.length,
    600,
  ).catch(() => undefined); // what is missing by then shows in the table

  await sleep(2 * WATCH_SECONDS * 1000); // another round of probes: none may ask again
  const noticedAfter = await prisma.$queryRaw<{ p50: number; p95: number; max: number }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY d) AS p95,
           max(d) AS max
    FROM (SELECT extract(epoch FROM min(created_at) - ${changedAt}::timestamp) AS d
          FROM scans WHERE trigger = 'change' GROUP BY domain_id) AS noticed`;
  const verdict = await verify(
    prisma,
    changed,
    SWAPPED.map((index) => endpoints[index]!.host),
  );

  // Figures: per watch probe from the watch-only window; the tiered window's worker CPU beyond
  // its probes' share is its deep scans'.
  const probesA = watchEnd.probes - watchStart.probes;
  const secondsA = (watchEnd.at - watchStart.at) / 1000;
  const perProbe = (group: string) => (watchEnd.cpu.get(group)! - watchStart.cpu.get(group)!) / probesA;
  const probesB = tieredEnd.probes - tieredStart.probes;
  const deepB = tieredEnd.scans - tieredStart.scans;
  const secondsB = (tieredEnd.at - tieredStart.at) / 1000;
  const perDeep = (group: string) =>
    (tieredEnd.cpu.get(group)! - tieredStart.cpu.get(group)! - probesB * perProbe(group)) / deepB;
  const workerProbeMs = perProbe("worker");
  const workerDeepMs = perDeep("worker");
  // A domain watched hourly and deep-scanned daily costs this much worker CPU per second.
  const cpuPerDomainMsPerSecond = workerProbeMs / 3_600 + workerDeepMs / 86_400;
  const domainsPerHost = 2_000 / cpuPerDomainMsPerSecond;
  const rows = (watchEnd.database.rows - watchStart.database.rows) / probesA;
  const bytes = (watchEnd.database.walBytes - watchStart.database.walBytes) / probesA;
  const quarters = [1, 2, 3, 4].map(
    (quarter) => rss[Math.min(rss.length - 1, Math.ceil((quarter * rss.length) / 4) - 1)]!,
  );

  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)}: ${DOMAINS.toLocaleString("en")} domains on ${ENDPOINTS} endpoints (one loopback address each, one Node process), ${WORKERS} worker processes (heap capped at 192 MB), PostgreSQL and Redis on the same 2-core machine. Watch interval ${WATCH_SECONDS} s and deep interval ${DEEP_SECONDS} s (an hour and a day, compressed 120×); ${changed.length} domains (${((100 * changed.length) / DOMAINS).toFixed(1)} %) changed during the tiered phase: ${SWAPPED.length} endpoints served a new certificate, ${WEAKENED.length} dropped to TLS 1.2 with CBC suites.`,
    "",
    markdownTable([
      ["measure", "result", "goal"],
      ["calibration: every domain's first probe (both reads)", `${calibrationSeconds.toFixed(1)} s`, ""],
      ["watch probes per second, watch only", (probesA / secondsA).toFixed(0), "≥ 280 of worker CPU"],
      [
        "watch probes / deep scans per second, tiered",
        `${(probesB / secondsB).toFixed(0)} / ${(deepB / secondsB).toFixed(1)}`,
        "",
      ],
      ["worker CPU per watch probe", `${workerProbeMs.toFixed(2)} ms`, ""],
      ["worker CPU per deep scan", `${workerDeepMs.toFixed(1)} ms`, ""],
      [
        "TLS endpoints' CPU per watch probe / per deep scan",
        `${perProbe("endpoints").toFixed(2)} ms / ${perDeep("endpoints").toFixed(1)} ms`,
        "",
      ],
      [
        "PostgreSQL CPU per watch probe / per deep scan",
        `${perProbe("postgres").toFixed(2)} ms / ${perDeep("postgres").toFixed(1)} ms`,
        "",
      ],
      [
        "Redis CPU per watch probe / per deep scan",
        `${perProbe("redis").toFixed(2)} ms / ${perDeep("redis").toFixed(1)} ms`,
        "",
      ],
      ["database rows written per watch probe", rows.toFixed(2), ""],
      ["WAL bytes written per watch probe", bytes.toFixed(0), ""],
      [
        "probes put off for a busy address (per probe)",
        ((watchEnd.deferred - watchStart.deferred) / probesA).toFixed(3),
        "",
      ],
      [
        "changed domains deep-scanned exactly once for the change",
        `${verdict.onceEach} of ${changed.length}`,
        `${changed.length}`,
      ],
      [
        "…with the right alert (certificate changed / grade dropped)",
        `${verdict.rightAlert} of ${changed.length}`,
        `${changed.length}`,
      ],
      ["unchanged domains deep-scanned for a change", String(verdict.unchangedWithChangeScan), "0"],
      [
        "changed domains deep-scanned after the change: p50 / p95 / max",
        `${noticedAfter[0]!.p50.toFixed(1)} s / ${noticedAfter[0]!.p95.toFixed(1)} s / ${noticedAfter[0]!.max.toFixed(1)} s`,
        `≤ a probe round (${(DOMAINS / (probesB / secondsB)).toFixed(0)} s at the tiered rate)`,
      ],
      [
        "largest worker's RSS at each quarter of the run",
        `${quarters.map((mb) => mb.toFixed(0)).join(" / ")} MB`,
        "≤ 300 MB",
      ],
    ]),
    "",
    `**Capacity of one 2-core worker host** at an hourly watch and a daily deep scan, from the worker CPU above: ${workerProbeMs.toFixed(2)} ms / 3,600 s + ${workerDeepMs.toFixed(1)} ms / 86,400 s = ${(cpuPerDomainMsPerSecond * 1000).toFixed(2)} µs of CPU per domain and second, so 2,000 ms/s of two cores monitor **${Math.floor(domainsPerHost).toLocaleString("en")} domains** (goal ≥ 1,000,000), with PostgreSQL, Redis and the monitored servers elsewhere.`,
  ].join("\n");
  process.stdout.write(`${table}\n`);
  await writeBenchmarkSection("pipeline-tiered", "Tiered monitoring (`pnpm bench:pipeline --tiered`)", table);
  await prisma.$disconnect();
} finally {
  for (const child of children) child.kill("SIGTERM");
  await services.stop();
}

function sum(counts: Map<string, number>, except: string[]) {
  return [...counts].filter(([key]) => !except.includes(key)).reduce((total, [, count]) => total + count, 0);
}

/** Waits until `done`, sampling every second, for at most `seconds`. */
async function until(done: () => Promise<boolean>, seconds: number, sample?: () => Promise<unknown>) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done within ${seconds} s`);
    await sample?.();
    await sleep(1_000);
  }
}

async function tickFor(seconds: number, sample: () => Promise<unknown>) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await sample();
    await sleep(1_000);
  }
}

/** Rows written (inserted, updated, deleted) in the bench's tables so far, and the WAL position. */
async function databaseWrites(prisma: PrismaClient) {
  await prisma.$executeRaw`SELECT pg_stat_force_next_flush()`;
  const [row] = await prisma.$queryRaw<{ rows: bigint; wal: string }[]>`
    SELECT (SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) FROM pg_stat_user_tables) AS rows,
           pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS wal`;
  return { rows: Number(row!.rows), walBytes: Number(row!.wal) };
}

/** Exactly one change-triggered deep scan per changed domain, the right alert, none elsewhere. */
async function verify(
  prisma: PrismaClient,
  changed: { id: string; hostname: string }[],
  swappedHosts: string[],
) {
  const changeScans = await prisma.scan.groupBy({
    by: ["domainId"],
    where: { trigger: "change" },
    _count: true,
  });
  const byDomain = new Map(changeScans.map((group) => [group.domainId, group._count]));
  const changedIds = new Set(changed.map((domain) => domain.id));
  const alerts = await prisma.alert.findMany({
    where: { domainId: { in: [...changedIds] }, kind: { in: ["cert_changed", "grade_drop"] } },
    select: { domainId: true, kind: true },
  });
  const rightAlert = changed.filter((domain) => {
    const expected = swappedHosts.includes(domain.hostname) ? "cert_changed" : "grade_drop";
    const kinds = alerts.filter((alert) => alert.domainId === domain.id).map((alert) => alert.kind);
    return kinds.length === 1 && kinds[0] === expected;
  }).length;
  return {
    onceEach: changed.filter((domain) => byDomain.get(domain.id) === 1).length,
    rightAlert,
    unchangedWithChangeScan: [...byDomain.keys()].filter((id) => !changedIds.has(id)).length,
  };
}
