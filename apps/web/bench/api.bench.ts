/**
 * `pnpm bench:api`: the REST API as shipped (`next start` of the production build) over a team
 * with 50,000 domains, loaded by 200 concurrent clients (autocannon) listing domains: the first
 * page, filtered pages, and pages deep in the list by cursor. Writes its figures to docs/benchmarks.md.
 */
import { createPrismaClient } from "@port443/db";
import { applyMigrations } from "@port443/db/migrate";
import { markdownTable, writeBenchmarkSection } from "@port443/devstack/benchmarks";
import { provideServices } from "@port443/devstack/services";
import { createApiKey, ensureTeam } from "@port443/services";
import { recreateDatabase, withDatabase } from "@port443/testing";
import autocannon from "autocannon";
import { seedDomains } from "./seed";
import { argument, startBenchWeb } from "./web";

const DOMAINS = argument("domains", 50_000);
const CONNECTIONS = argument("connections", 200);
const SECONDS = argument("seconds", 20);

const services = await provideServices("dev");
const url = withDatabase(services.databaseUrl, "port443_bench_api");
let web: Awaited<ReturnType<typeof startBenchWeb>> | undefined;
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

  // The limit guards production; here it would only measure itself.
  web = await startBenchWeb(url, services.redisUrl, { PORT443_API_RATE_LIMIT: "1000000000" });
  const base = web.base;
  const headers = { authorization: `Bearer ${key}` };

  // Cursors spread over the whole list, collected by walking it in pages of 200.
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(
      `${base}/api/v1/domains?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
      {
        headers,
      },
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
  const rows = [["GET /api/v1/domains", "requests/s", "p50", "p99", "errors / non-2xx", "goal"]];
  for (const scenario of scenarios) {
    const run = (duration: number) =>
      autocannon({
        url: base,
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
    const result = await run(SECONDS);
    rows.push([
      scenario.name,
      result.requests.average.toFixed(0),
      `${result.latency.p50} ms`,
      `${result.latency.p99} ms`,
      `${result.errors + result.timeouts} / ${result.non2xx}`,
      "0 errors",
    ]);
    process.stdout.write(`${rows.at(-1)!.join("  ")}\n`);
  }
  await prisma.$disconnect();

  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)}: ${DOMAINS.toLocaleString("en")} domains in one team (seeded in ${seedSeconds.toFixed(1)} s), ${CONNECTIONS} concurrent clients for ${SECONDS} s per row after a 3 s warm-up (a request counts as an error after 30 s), one \`next start\` process, PostgreSQL and Redis on the same 2-core machine; every request authenticated, rate-counted in Redis and answered from PostgreSQL.`,
    "",
    markdownTable(rows),
  ].join("\n");
  process.stdout.write(`${body}\n`);
  await writeBenchmarkSection("api", "REST API (`pnpm bench:api`)", body);
} finally {
  web?.stop();
  await services.stop();
}
