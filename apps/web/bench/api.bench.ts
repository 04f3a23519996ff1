/**
 * `pnpm bench:api`: the REST API of the production build over a team with 50,000 domains, loaded
 * by 200 concurrent clients (autocannon) listing domains: the first page, filtered pages, and
 * pages deep in the list by cursor. Every load runs against the same build served two ways, one
 * after the other: through Next.js's route handler (a bare `next start`, how the API was served
 * before the lean path) and as deployed (`server.mjs`, /api/v1 on the lean path beside Next.js),
 * with the CPU each web process spent per request. Writes its figures to docs/benchmarks.md.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { createPrismaClient } from "@port443/db";
import { applyMigrations } from "@port443/db/migrate";
import { markdownTable, writeBenchmarkSection } from "@port443/devstack/benchmarks";
import { provideServices } from "@port443/devstack/services";
import { createApiKey, ensureTeam } from "@port443/services";
import { recreateDatabase, withDatabase } from "@port443/testing";
import autocannon from "autocannon";
import { cpuByGroup } from "../../worker/bench/proc-stats";
import { seedDomains } from "./seed";
import { argument, startBenchWeb } from "./web";

const DOMAINS = argument("domains", 50_000);
const CONNECTIONS = argument("connections", 200);
const SECONDS = argument("seconds", 20);

/**
 * Requests a second through Next's route handler when each request also looked its key up in
 * PostgreSQL, counted in Redis with MULTI and listed through Prisma's findMany (2026-11-27, this
 * machine): the goal is three times these, with p99 under a second.
 */
const previously: Record<string, number> = {
  "first page (50)": 143,
  "filtered: tag=prod, expiring within 30 days": 143,
  "filtered: status=critical": 185,
  "any page by cursor": 197,
};

const services = await provideServices("dev");
const url = withDatabase(services.databaseUrl, "port443_bench_api");
const webs: Awaited<ReturnType<typeof startBenchWeb>>[] = [];
try {
  await recreateDatabase(url);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  const team = await ensureTeam({ prisma }, { slug: "bench", create: true, ownerEmail: "owner@bench.test" });
  const seeded = Date.now();
  await seedDomains(prisma, team.id, DOMAINS);
  await prisma.$executeRawUnsafe("ANALYZE domains");
  const seedSeconds = (Date.now() - seeded) / 1000;
  const key = (
    await createApiKey(
      { prisma, queues: {} as never, teamId: team.id, role: "owner" },
      { name: "bench", scopes: ["read"] },
    )
  ).secret;
  await prisma.$disconnect();

  // The limit guards production; here it would only measure itself.
  const env = { PORT443_API_RATE_LIMIT: "1000000000" };
  const start = async (name: string, server: "next start" | "server.mjs") => {
    const web = await startBenchWeb(url, services.redisUrl, env, server);
    webs.push(web);
    return { name, web };
  };
  const servers = [
    await start("Next route handler (`next start`)", "next start"),
    await start("lean path (`server.mjs`)", "server.mjs"),
  ];
  const headers = { authorization: `Bearer ${key}` };

  // Cursors spread over the whole list, collected by walking it in pages of 200.
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(
      `${servers[1]!.web.base}/api/v1/domains?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
      { headers },
    );
    cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);

  const scenarios: { name: string; path: () => string }[] = [
    { name: "first page (50)", path: () => "/api/v1/domains" },
    {
      name: "filtered: tag=prod, expiring within 30 days",
      path: () => "/api/v1/domains?tag=prod&expiringWithinDays=30",
    },
    { name: "filtered: status=critical", path: () => "/api/v1/domains?status=critical" },
    {
      name: "any page by cursor",
      path: () => `/api/v1/domains?cursor=${cursors[Math.floor(Math.random() * cursors.length)]}`,
    },
  ];
  const measuresCpu = existsSync("/proc/self/stat");
  const loadAtStart = loadavg()[0]!;
  const rows = [
    [
      "GET /api/v1/domains",
      "served by",
      "requests/s",
      "p50",
      "p99",
      "CPU per request",
      "errors / non-2xx",
      "goal",
    ],
  ];
  for (const scenario of scenarios) {
    for (const [index, server] of servers.entries()) {
      const run = (duration: number) =>
        autocannon({
          url: server.web.base,
          connections: CONNECTIONS,
          duration,
          // A pipeline's HTTP client waits this long; autocannon's default (10 s) is stricter than any.
          timeout: 30,
          headers,
          requests: [
            {
              method: "GET",
              setupRequest: (request) => ({ ...request, path: scenario.path() }),
            },
          ],
        });
      await run(3); // warm-up: JIT, connection pools, PostgreSQL's cache
      // autocannon drops its connections with their requests in flight when a run ends; the server
      // finishes those first, and took seconds to accept the next run's connections meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const cpu = () => cpuByGroup({ web: () => [server.web.pid] }).then((groups) => groups.get("web")!);
      const cpuBefore = await cpu();
      const result = await run(SECONDS);
      const cpuPerRequest = ((await cpu()) - cpuBefore) / result.requests.total;
      const lean = index === servers.length - 1;
      rows.push([
        index === 0 ? scenario.name : "",
        server.name,
        result.requests.average.toFixed(0),
        `${result.latency.p50} ms`,
        `${result.latency.p99} ms`,
        measuresCpu ? `${cpuPerRequest.toFixed(1)} ms` : "n/a",
        `${result.errors + result.timeouts} / ${result.non2xx}`,
        lean ? `≥ ${3 * previously[scenario.name]!}/s, p99 < 1 s` : "",
      ]);
      process.stdout.write(`${rows.at(-1)!.join("  ")}\n`);
    }
  }
  const loadAtEnd = loadavg()[0]!;

  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)}: ${DOMAINS.toLocaleString("en")} domains in one team (seeded in ${seedSeconds.toFixed(1)} s), ${CONNECTIONS} concurrent clients for ${SECONDS} s per row after a 3 s warm-up and a 3 s pause (a request counts as an error after 30 s), one web process per row, PostgreSQL, Redis and autocannon on the same 2-core machine (1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end; other work shares it). Both rows of a scenario serve the same build and the same API code (keys kept per process, one Redis command, the list in one SQL statement); CPU per request is the web process's own.`,
    "",
    markdownTable(rows),
  ].join("\n");
  process.stdout.write(`${body}\n`);
  await writeBenchmarkSection("api", "REST API (`pnpm bench:api`)", body);
} finally {
  for (const web of webs) web.stop();
  await services.stop();
}
