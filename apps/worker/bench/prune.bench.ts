/**
 * `pnpm bench:prune`: what a deep scan costs in PostgreSQL and how fast the prune job removes it.
 * 1. Bytes per deep scan: scans of a modern and a legacy local TLS endpoint, recorded through
 *    recordScan (the worker's write path) for `--sample=N` domains, each with a leaf of its own;
 *    table sizes (heap, TOAST and indexes) divided by rows.
 * 2. Prune speed: `--domains=N` domains (default 5,000) with `--days=N` (100) daily deep scans past
 *    retention and one recent scan each, seeded in SQL in time order, shaped like the recorded
 *    scans (their details, 10 findings, a 3-certificate chain, one address); then the prune job
 *    as scheduled, run after run until it is done.
 * Everything happens in a database of its own (prune_bench), dropped at the end. Writes the
 * "History retention" figures to docs/benchmarks.md.
 */
import { createHash } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { applyMigrations } from "@port443/db/migrate";
import { markdownTable, writeBenchmarkSection } from "@port443/devstack/benchmarks";
import { provideDatabase } from "@port443/devstack/services";
import { defaultPolicy, recordScan } from "@port443/monitoring";
import { createTrustStore, type ScanReport, scan } from "@port443/scanner";
import { createChain, dropDatabase, recreateDatabase, startTlsServer, withDatabase } from "@port443/testing";
import { createLogger } from "../src/logger";
import { PRUNE_BATCH, PRUNE_BUDGET_MS, prune } from "../src/processors/prune";

const argument = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const SAMPLE = argument("sample", 1_000);
const DOMAINS = argument("domains", 5_000);
const DAYS = argument("days", 100);
const RETENTION_DAYS = 90;
/** The tiered schedule at 1,000,000 domains: a deep scan a day each, plus change scans. */
const FLEET = 1_000_000;
const CHANGE_SHARE = 0.05;
const DAY_MS = 86_400_000;
const FINDINGS_PER_SCAN = 10;
/** Runs a backlog may take before the benchmark gives up (each bounded by the job's budget). */
const MAX_RUNS = 100;

/** Full scans of two local endpoints: TLS 1.3 with ECDSA, and TLS 1.0–1.2 with RSA and gzip. */
async function endpointReports(): Promise<ScanReport[]> {
  const leaf = { subject: "CN=127.0.0.1", dnsNames: [], ipAddresses: ["127.0.0.1"] };
  const modern = await createChain({ leaf });
  const legacy = await createChain({ leaf: { ...leaf, key: { type: "rsa", bits: 2048 } } });
  const servers = [
    await startTlsServer({ chain: [modern.leaf, modern.intermediate], hsts: "max-age=31536000" }),
    await startTlsServer({
      chain: [legacy.leaf, legacy.intermediate],
      minVersion: "TLSv1",
      maxVersion: "TLSv1.2",
      ciphers: "DEFAULT@SECLEVEL=0",
      gzip: true,
    }),
  ];
  try {
    const roots = [modern.root, legacy.root];
    return await Promise.all(
      servers.map((served, index) =>
        scan({
          host: "127.0.0.1",
          port: served.port,
          trustStore: createTrustStore([roots[index]!.pem]),
          timeoutMs: 20_000,
        }),
      ),
    );
  } finally {
    await Promise.all(servers.map((served) => served.close()));
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The report with a leaf of the domain's own (fingerprint), as every real domain has. */
function forDomain(report: ScanReport, domain: string): ScanReport {
  const fingerprintSha256 = sha256(domain);
  const [leaf, ...rest] = report.chain;
  return {
    ...report,
    certificate: { ...report.certificate!, fingerprintSha256 },
    chain: [{ ...leaf!, fingerprintSha256 }, ...rest],
  };
}

/** Two deep scans per sample domain (alternating endpoints), through recordScan; bytes per row. */
async function bytesPerScan(prisma: PrismaClient, reports: ScanReport[]) {
  const team = await prisma.team.create({ data: { name: "sample", slug: "sample" } });
  await prisma.domain.createMany({
    data: Array.from({ length: SAMPLE }, (_, n) => ({ teamId: team.id, hostname: `sample-${n}.example` })),
  });
  const domains = await prisma.domain.findMany({
    where: { teamId: team.id },
    select: { id: true, hostname: true },
  });
  const started = Date.now();
  for (const [n, domain] of domains.entries()) {
    const report = forDomain(reports[n % reports.length]!, domain.hostname);
    for (const hoursAgo of [25, 1]) {
      await recordScan(prisma, {
        // Read again: the second scan sees the summary the first one left, as the worker's does.
        domain: await prisma.domain.findUniqueOrThrow({ where: { id: domain.id }, include: { team: true } }),
        report,
        policy: defaultPolicy,
        lease: null,
        publicUrl: "http://localhost:3000",
        minWatchIntervalSeconds: 300,
        now: new Date(Date.now() - hoursAgo * 3_600_000),
      });
    }
  }
  const recordMs = (Date.now() - started) / (2 * SAMPLE);
  const sizes = await tableSizes(prisma);
  const [details] = await prisma.$queryRaw<{ stored: number; text: number }[]>`
    SELECT avg(pg_column_size(details))::float AS stored, avg(length(details::text))::float AS text FROM scans`;
  const perRow = (table: Table) => sizes[table].bytes / sizes[table].rows;
  return {
    recordMs,
    scans: sizes.scans.rows,
    findingsPerScan: sizes.findings.rows / sizes.scans.rows,
    perRow: Object.fromEntries(TABLES.map((table) => [table, perRow(table)])) as Record<Table, number>,
    details: details!,
    /** As recorded (this sample's findings per scan). */
    measured: historyBytes(sizes) / sizes.scans.rows,
    /** The fleet's profile: 10 findings, 3 chain rows, one address. */
    profile:
      perRow("scans") +
      FINDINGS_PER_SCAN * perRow("findings") +
      3 * perRow("scan_certificates") +
      perRow("scan_addresses"),
  };
}

const TABLES = ["scans", "findings", "scan_certificates", "scan_addresses", "certificates"] as const;
type Table = (typeof TABLES)[number];

/** Each table's rows and bytes (heap, TOAST and indexes), after VACUUM ANALYZE as autovacuum leaves them. */
async function tableSizes(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE ${TABLES.join(", ")}`);
  const sizes = await Promise.all(
    TABLES.map(async (table) => {
      const [row] = await prisma.$queryRawUnsafe<{ bytes: bigint; rows: bigint }[]>(
        `SELECT pg_total_relation_size('${table}') AS bytes, (SELECT count(*) FROM ${table}) AS rows`,
      );
      return [table, { bytes: Number(row!.bytes), rows: Number(row!.rows) }] as const;
    }),
  );
  return Object.fromEntries(sizes) as Record<Table, { bytes: number; rows: number }>;
}

/** The scan history's bytes: scans and what cascades from them (certificates are stored once). */
const historyBytes = (sizes: Record<Table, { bytes: number }>) =>
  sizes.scans.bytes + sizes.findings.bytes + sizes.scan_certificates.bytes + sizes.scan_addresses.bytes;

/**
 * DOMAINS × DAYS daily scans past retention and one recent scan per domain, seeded one day at a
 * time (oldest first, ids time-ordered as uuid(7) makes them), so the tables lie in time order as
 * a deployment's do; then the prune job, as scheduled, until it reports nothing left.
 */
async function pruneSpeed(prisma: PrismaClient) {
  const team = await prisma.team.create({ data: { name: "history", slug: "history" } });
  await prisma.domain.createMany({
    data: Array.from({ length: DOMAINS }, (_, n) => ({ teamId: team.id, hostname: `history-${n}.example` })),
  });
  // The recorded scan with the most findings is the template: its details, findings and chain.
  const [template] = await prisma.$queryRaw<{ id: string; details: string; leaf: string; cas: string[] }[]>`
    SELECT s.id, s.details::text AS details,
           (SELECT certificate_id::text FROM scan_certificates WHERE scan_id = s.id AND position = 0) AS leaf,
           ARRAY(SELECT certificate_id::text FROM scan_certificates WHERE scan_id = s.id AND position > 0
                 ORDER BY position) AS cas
    FROM scans s ORDER BY (SELECT count(*) FROM findings f WHERE f.scan_id = s.id) DESC LIMIT 1`;
  const found = await prisma.finding.findMany({ where: { scanId: template!.id } });
  const rules = Array.from({ length: FINDINGS_PER_SCAN }, (_, n) => found[n % found.length]!);
  const chain = { leaf: template!.leaf, cas: [...template!.cas, template!.cas[0]!].slice(0, 2) };
  const now = new Date();
  const seedStarted = Date.now();
  for (const day of [...Array.from({ length: DAYS }, (_, n) => RETENTION_DAYS + DAYS - n), 0]) {
    const at = new Date(now.getTime() - day * DAY_MS);
    await seedDay(prisma, { teamId: team.id, at, details: template!.details, rules, chain });
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const seeded = await tableSizes(prisma);
  const counts = async () =>
    Object.fromEntries(
      Object.entries(await tableSizes(prisma)).map(([table, size]) => [table, size.rows]),
    ) as Record<Table, number>;
  const walBytes = async () =>
    Number(
      (
        await prisma.$queryRaw<
          { lsn: bigint }[]
        >`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS lsn`
      )[0]!.lsn,
    );
  const before = Object.fromEntries(TABLES.map((table) => [table, seeded[table].rows])) as Record<
    Table,
    number
  >;
  const walBefore = await walBytes();
  const logger = createLogger("silent");
  const runs: Awaited<ReturnType<typeof prune>>[] = [];
  for (let run = 0; run < MAX_RUNS && !runs.at(-1)?.complete; run++) {
    runs.push(await prune(prisma, logger, RETENTION_DAYS, { now }));
  }
  const wal = (await walBytes()) - walBefore;
  const after = await counts();
  // Nothing left: a run that only walks (the latest scans kept, the certificates still served).
  const idle = await prune(prisma, logger, RETENTION_DAYS, { now });
  const deleted = Object.fromEntries(TABLES.map((table) => [table, before[table] - after[table]])) as Record<
    Table,
    number
  >;
  const ms = runs.reduce((sum, run) => sum + run.ms, 0);
  const batches = runs.reduce((sum, run) => sum + run.batches, 0);
  return {
    seedSeconds,
    scans: before.scans,
    perScan: historyBytes(seeded) / before.scans,
    after,
    deleted,
    runs,
    ms,
    batches,
    wal,
    idle,
  };
}

/** A uuid(7)-like id for the SQL instant `at`: time-ordered, random below the milliseconds. */
const v7 = (at: string) =>
  `overlay(overlay(md5(random()::text) placing lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0')
           from 1 for 12) placing '7' from 13 for 1)::uuid`;

/**
 * One day's scan for each domain, with its findings, chain and address: the domain's leaf of the
 * 60-day period (a copy of the template's leaf under its own fingerprint), then the scans.
 */
async function seedDay(
  prisma: PrismaClient,
  day: {
    teamId: string;
    at: Date;
    details: string;
    rules: { ruleId: string; severity: string; detail: string }[];
    chain: { leaf: string; cas: string[] };
  },
) {
  const period = String(Math.floor((Date.now() - day.at.getTime()) / (60 * DAY_MS)));
  const leafOf = (domainId: string) =>
    `encode(sha256(convert_to(${domainId}::text || '/' || $3, 'UTF8')), 'hex')`;
  await prisma.$executeRawUnsafe(
    `INSERT INTO certificates (id, fingerprint_sha256, subject, issuer, sans, not_before, not_after, key_type,
                               key_bits, signature_algorithm, serial_number, pem)
     SELECT ${v7("$2::timestamp")}, ${leafOf("d.id")}, c.subject, c.issuer, c.sans, c.not_before, c.not_after,
            c.key_type, c.key_bits, c.signature_algorithm, c.serial_number, c.pem
     FROM domains d, certificates c WHERE d.team_id = $1::uuid AND c.id = $4::uuid
     ON CONFLICT (fingerprint_sha256) DO NOTHING`,
    day.teamId,
    day.at,
    period,
    day.chain.leaf,
  );
  await prisma.$executeRawUnsafe(
    `WITH s AS (
       INSERT INTO scans (id, team_id, domain_id, status, trigger, started_at, finished_at, outcome, ip, protocol,
                          cipher, grade, duration_ms, details, created_at)
       SELECT ${v7("t")}, d.team_id, d.id, 'done', 'schedule', t, t + interval '1 second', 'success', '192.0.2.1',
              'TLSv1.2', 'ECDHE-RSA-AES128-GCM-SHA256', 'B', 900, $4::jsonb, t
       FROM domains d, LATERAL (SELECT $2::timestamp + random() * interval '1 hour' AS t) AS at
       WHERE d.team_id = $1::uuid
       RETURNING id, created_at, ${leafOf("domain_id")} AS leaf
     ), f AS (
       INSERT INTO findings (id, scan_id, rule_id, severity, detail)
       SELECT ${v7("s.created_at")}, s.id, r.rule_id, r.severity::"Severity", r.detail
       FROM s, unnest($5::text[], $6::text[], $7::text[]) AS r(rule_id, severity, detail)
     ), chain AS (
       INSERT INTO scan_certificates (scan_id, position, certificate_id)
       SELECT s.id, 0, c.id FROM s JOIN certificates c ON c.fingerprint_sha256 = s.leaf
       UNION ALL
       SELECT s.id, ca.position::int, ca.id FROM s, unnest($8::uuid[]) WITH ORDINALITY AS ca(id, position)
     )
     INSERT INTO scan_addresses (scan_id, ip, grade) SELECT s.id, '192.0.2.1', 'B' FROM s`,
    day.teamId,
    day.at,
    period,
    day.details,
    day.rules.map((rule) => rule.ruleId),
    day.rules.map((rule) => rule.severity),
    day.rules.map((rule) => rule.detail),
    day.chain.cas,
  );
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const tb = (bytes: number) =>
  bytes >= 1e12 ? `${(bytes / 1e12).toFixed(1)} TB` : `${(bytes / 1e9).toFixed(0)} GB`;

function render(
  perScan: Awaited<ReturnType<typeof bytesPerScan>>,
  speed: Awaited<ReturnType<typeof pruneSpeed>>,
) {
  const { deleted } = speed;
  const rowsDeleted = deleted.scans + deleted.findings + deleted.scan_certificates + deleted.scan_addresses;
  const seconds = speed.ms / 1000;
  const scansPerSecond = deleted.scans / seconds;
  const perDay = FLEET * (1 + CHANGE_SHARE);
  const fleet = FLEET.toLocaleString("en");
  const count = (value: number) => value.toLocaleString("en");
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} in a database of its own on the shared PostgreSQL 17 (2 cores, tables in the page cache). Bytes: ${count(perScan.scans)} deep scans of a TLS 1.3 and a TLS 1.0–1.2 endpoint recorded through recordScan (${perScan.recordMs.toFixed(1)} ms each), each domain with a leaf of its own. Prune: ${count(DOMAINS)} domains × ${DAYS} daily deep scans past ${RETENTION_DAYS} days' retention and one recent scan each, shaped like the recorded legacy scan (its details, ${FINDINGS_PER_SCAN} findings, 3 chain rows, one address, a leaf per domain and 60 days), seeded in time order in ${speed.seedSeconds.toFixed(0)} s; then the job as scheduled (${count(PRUNE_BATCH)} scans per statement, ${PRUNE_BUDGET_MS / 1000} s budget per run) until done.`,
    "",
    markdownTable([
      ["bytes (heap, TOAST and indexes)", "per row", "per deep scan"],
      [
        `scans (details: ${perScan.details.text.toFixed(0)} B of JSON, ${perScan.details.stored.toFixed(0)} B stored)`,
        perScan.perRow.scans.toFixed(0),
        "",
      ],
      ["findings", perScan.perRow.findings.toFixed(0), ""],
      ["scan_certificates", perScan.perRow.scan_certificates.toFixed(0), ""],
      ["scan_addresses", perScan.perRow.scan_addresses.toFixed(0), ""],
      ["certificates (stored once per fingerprint)", perScan.perRow.certificates.toFixed(0), ""],
      [
        `as recorded (${perScan.findingsPerScan.toFixed(1)} findings a scan)`,
        "",
        perScan.measured.toFixed(0),
      ],
      [
        `the rows above × ${FINDINGS_PER_SCAN} findings, 3 chain rows, one address`,
        "",
        perScan.profile.toFixed(0),
      ],
      [`seeded, ${count(speed.scans)} scans of that shape`, "", speed.perScan.toFixed(0)],
    ]),
    "",
    markdownTable([
      [`scan history at ${fleet} domains (${count(perDay)} deep scans a day)`, "size"],
      ...[30, 90, 400].map((days) => [`kept ${days} days`, tb(speed.perScan * perDay * days)]),
    ]),
    "",
    markdownTable([
      ["prune", "result"],
      [
        "scans deleted (rows with their findings, chains, addresses)",
        `${count(deleted.scans)} (${count(rowsDeleted)})`,
      ],
      ["certificates deleted (no scan left)", count(deleted.certificates)],
      ["scans left (each domain's latest, and the sample's)", count(speed.after.scans)],
      ["runs / statements / time", `${speed.runs.length} / ${speed.batches} / ${seconds.toFixed(1)} s`],
      [
        "scans deleted per second (rows per second)",
        `${scansPerSecond.toFixed(0)} (${(rowsDeleted / seconds).toFixed(0)})`,
      ],
      ["mean time per statement (its own transaction)", `${(speed.ms / speed.batches).toFixed(0)} ms`],
      [
        "WAL written per scan deleted",
        `${(speed.wal / deleted.scans).toFixed(0)} B (${mb(speed.wal)} in all)`,
      ],
      [
        "a run with nothing to delete",
        `${speed.idle.ms} ms (${count(speed.after.certificates)} certificates walked)`,
      ],
      [
        `a day's deletions at ${fleet} domains, at this speed`,
        `${(perDay / scansPerSecond / 60).toFixed(1)} min`,
      ],
    ]),
  ].join("\n");
}

const database = await provideDatabase("dev");
const url = withDatabase(database.databaseUrl, "prune_bench");
try {
  await recreateDatabase(url);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  try {
    const reports = await endpointReports();
    const perScan = await bytesPerScan(prisma, reports);
    const speed = await pruneSpeed(prisma);
    const body = render(perScan, speed);
    process.stdout.write(`${body}\n`);
    await writeBenchmarkSection("prune", "History retention (`pnpm bench:prune`)", body);
  } finally {
    await prisma.$disconnect();
  }
} finally {
  await dropDatabase(url);
  await database.stop();
}
