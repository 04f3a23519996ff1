/**
 * `pnpm bench:dashboard`: the dashboard as shipped (`next start`) for a signed-in owner of a team
 * with 50,000 domains and 1,000,000 scans: server response times of the domain list (first page,
 * deep page, by expiry, filtered), the overview and a domain's page. Writes docs/benchmarks.md.
 */
import { createPrismaClient } from "@port443/db";
import { applyMigrations } from "@port443/db/migrate";
import { markdownTable, percentile, writeBenchmarkSection } from "@port443/devstack/benchmarks";
import { provideServices } from "@port443/devstack/services";
import { recreateDatabase, withDatabase } from "@port443/testing";
import { seedDomains, seedScans } from "./seed";
import { argument, startBenchWeb } from "./web";

const DOMAINS = argument("domains", 50_000);
const SCANS_PER_DOMAIN = argument("scans-per-domain", 20);
const REQUESTS = argument("requests", 100);

const services = await provideServices("dev");
const url = withDatabase(services.databaseUrl, "port443_bench_dashboard");
let web: Awaited<ReturnType<typeof startBenchWeb>> | undefined;
try {
  await recreateDatabase(url);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  web = await startBenchWeb(url, services.redisUrl);
  const base = web.base;

  // An owner signed in through the real endpoints, with a team.
  let cookie = "";
  const post = async (route: string, body: unknown) => {
    const response = await fetch(`${base}/api/auth${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
    const set = response.headers
      .getSetCookie()
      .map((entry) => entry.split(";")[0])
      .join("; ");
    if (set) cookie = set;
    return response.json() as Promise<{ id?: string }>;
  };
  await post("/sign-up/email", { email: "owner@bench.test", password: "a bench passphrase", name: "Bench" });
  await prisma.user.update({ where: { email: "owner@bench.test" }, data: { emailVerified: true } });
  await post("/sign-in/email", { email: "owner@bench.test", password: "a bench passphrase" });
  const team = await post("/organization/create", { name: "Bench", slug: "bench" });

  const seeded = Date.now();
  await seedDomains(prisma, team.id!, DOMAINS);
  await seedScans(prisma, team.id!, SCANS_PER_DOMAIN);
  const seedSeconds = (Date.now() - seeded) / 1000;
  const scans = await prisma.scan.count();
  const deep = await prisma.domain.findFirstOrThrow({
    where: { teamId: team.id },
    orderBy: { hostname: "desc" },
    skip: 100,
  });
  const some = await prisma.domain.findFirstOrThrow({
    where: { teamId: team.id },
    skip: Math.floor(DOMAINS / 2),
  });
  const deepCursor = Buffer.from(JSON.stringify([deep.hostname, deep.port])).toString("base64url");
  await prisma.$disconnect();

  const pages = [
    { name: "domain list, first page", path: "/domains" },
    { name: "domain list, page near the end (cursor)", path: `/domains?cursor=${deepCursor}` },
    { name: "domain list, soonest expiry first", path: "/domains?sort=expiry" },
    { name: "domain list, filtered (grade B, tag prod)", path: "/domains?grade=B&tag=prod" },
    { name: "overview", path: "/overview" },
    { name: `a domain's page (${SCANS_PER_DOMAIN} scans of history)`, path: `/domains/${some.id}` },
  ];
  const rows = [["page (server response, full HTML)", "p50", "p95", "goal"]];
  for (const page of pages) {
    const time = async () => {
      const started = performance.now();
      const response = await fetch(`${base}${page.path}`, { headers: { cookie } });
      const html = await response.text();
      // Signed in and served the page itself, not a redirect to sign-in or onboarding.
      if (response.status !== 200 || response.redirected || !html.includes("Account menu for"))
        throw new Error(`${page.path}: ${response.status} ${response.url}`);
      return performance.now() - started;
    };
    for (let warm = 0; warm < 10; warm++) await time();
    const samples: number[] = [];
    for (let index = 0; index < REQUESTS; index++) samples.push(await time());
    rows.push([
      page.name,
      `${percentile(samples, 50).toFixed(0)} ms`,
      `${percentile(samples, 95).toFixed(0)} ms`,
      "p95 ≤ 150 ms",
    ]);
    process.stdout.write(`${rows.at(-1)!.join("  ")}\n`);
  }
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)}: one team with ${DOMAINS.toLocaleString("en")} domains and ${scans.toLocaleString("en")} scans (seeded in ${seedSeconds.toFixed(0)} s), a signed-in owner, ${REQUESTS} requests per page one after another after 10 warm-up requests, one \`next start\` process with PostgreSQL on the same 2-core machine. Times are to the last byte of the server-rendered HTML.`,
    "",
    markdownTable(rows),
  ].join("\n");
  process.stdout.write(`${body}\n`);
  await writeBenchmarkSection("dashboard", "Dashboard (`pnpm bench:dashboard`)", body);
} finally {
  web?.stop();
  await services.stop();
}
