/**
 * `pnpm bench:api`: the REST API as shipped (`next start` of the production build) over a team
 * with 50,000 domains, loaded by 200 concurrent clients (autocannon) listing domains: the first
 * page, filtered pages, and pages deep in the list by cursor. Writes its figures to docs/benchmarks.md.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { processEnv } from "@port443/config";
import { createPrismaClient } from "@port443/db";
import { applyMigrations } from "@port443/db/migrate";
import { markdownTable, writeBenchmarkSection } from "@port443/devstack/benchmarks";
import { provideServices } from "@port443/devstack/services";
import { createApiKey, ensureTeam } from "@port443/services";
import { freePort, recreateDatabase, uniquePrefix, withDatabase } from "@port443/testing";
import autocannon from "autocannon";
import { seedDomains } from "./seed";

const argument = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const DOMAINS = argument("domains", 50_000);
const CONNECTIONS = argument("connections", 200);
const SECONDS = argument("seconds", 20);

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = createRequire(path.join(webDir, "package.json")).resolve("next/dist/bin/next");

const services = await provideServices("dev");
const url = withDatabase(services.databaseUrl, "port443_bench_api");
let web: ChildProcess | undefined;
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

  const port = await freePort();
  web = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: webDir,
    env: {
      ...processEnv(),
      NODE_ENV: "production",
      DATABASE_URL: url,
      REDIS_URL: services.redisUrl,
      PORT443_QUEUE_PREFIX: uniquePrefix("bench-api"),
      AUTH_SECRET: "bench-secret-with-at-least-32-characters",
      // The limit guards production; here it would only measure itself.
      PORT443_API_RATE_LIMIT: "1000000000",
    },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${key}` };
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 150) throw new Error("next start did not come up");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // Cursors spread over the whole list, collected by walking it in pages of 200.
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${base}/api/v1/domains?limit=200${cursor ? `&cursor=${cursor}` : ""}`, {
      headers,
    });
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
            setupRequest: (request: { path: string }) => ({ ...request, path: scenario.path() }),
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
  web?.kill("SIGTERM");
  await services.stop();
}
