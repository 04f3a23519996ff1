import { readFile } from "node:fs/promises";
import { createLimiter } from "@port443/net";
import {
  createTrustStore,
  type ScanReport,
  type Severity,
  scan,
  severities,
  severityRank,
} from "@port443/scanner";
import { type Command, Option } from "commander";
import { collect, positiveInteger } from "../args";
import { paletteFor } from "../scan/colors";
import { formatReport, formatSummary } from "../scan/format";
import { progressBar } from "../scan/progress";
import { parseResolve, parseTarget, parseTargetsFile, UsageError } from "../scan/targets";

interface ScanFlags {
  servername?: string;
  resolve: string[];
  caFile?: string;
  allIps?: boolean;
  timeout: number;
  concurrency: number;
  targetsFile?: string;
  failOn: Severity;
  quick?: boolean;
  json?: boolean;
  acmeDirectory?: string;
}

/** 2 when a scan failed, 1 when a finding reaches the threshold, else 0. */
export function exitCodeFor(reports: ScanReport[], failOn: Severity): number {
  if (reports.some((report) => report.error)) return 2;
  const threshold = severityRank(failOn);
  return reports.some((report) =>
    report.findings.some((finding) => severityRank(finding.severity) >= threshold),
  )
    ? 1
    : 0;
}

export function registerScan(program: Command): void {
  program
    .command("scan")
    .description("scan TLS endpoints: certificate, chain, protocols, cipher suites, grade and findings")
    .argument("[targets...]", "host[:port] to scan (port 443 by default)")
    .option(
      "--servername <name>",
      "SNI name and the name the certificate must cover (when a target is an address)",
    )
    .option(
      "--resolve <host:port:addr>",
      "connect to addr for host:port, like curl (repeatable)",
      collect,
      [],
    )
    .option("--ca-file <pem>", "extra trust anchors (PEM bundle), added to the default store")
    .option("--all-ips", "scan every address the name resolves to (up to 8) and compare them")
    .option("--timeout <ms>", "upper bound for each target's scan", positiveInteger, 20_000)
    .option("--concurrency <n>", "targets scanned at once", positiveInteger, 16)
    .option("--targets-file <file>", "read targets from a file, one per line")
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding is at least this severe")
        .choices(severities)
        .default("high"),
    )
    .option(
      "--acme-directory <url>",
      "ACME directory whose renewal information (ARI) applies to the scanned certificates (private ACME CAs)",
    )
    .option(
      "--quick",
      "watch probe: certificate, chain and validity from a plaintext TLS 1.2 read or a handshake, no grade",
    )
    .option("--json", "print one JSON report per target per line")
    .action(async (args: string[], flags: ScanFlags, command: Command) => {
      try {
        process.exitCode = await runScan(args, flags);
      } catch (error) {
        if (error instanceof UsageError) command.error(`error: ${error.message}`, { exitCode: 2 });
        throw error;
      }
    });
}

async function runScan(args: string[], flags: ScanFlags): Promise<number> {
  const inputs = [
    ...args,
    ...(flags.targetsFile
      ? parseTargetsFile(
          await readFile(flags.targetsFile, "utf8").catch(() => {
            throw new UsageError(`cannot read --targets-file ${flags.targetsFile}`);
          }),
        )
      : []),
  ];
  if (!inputs.length) throw new UsageError("no targets: give host[:port] arguments or --targets-file");
  const targets = inputs.map(parseTarget);
  const overrides = parseResolve(flags.resolve);
  const extraCaPems = flags.caFile
    ? [
        await readFile(flags.caFile, "utf8").catch(() => {
          throw new UsageError(`cannot read --ca-file ${flags.caFile}`);
        }),
      ]
    : [];
  if (flags.caFile && !extraCaPems[0]?.includes("BEGIN CERTIFICATE"))
    throw new UsageError(`--ca-file ${flags.caFile} holds no PEM certificate`);

  const trustStore = createTrustStore(extraCaPems);
  const acmeDirectory = flags.acmeDirectory
    ? parseHttpUrl(flags.acmeDirectory, "--acme-directory")
    : undefined;
  const out = paletteFor(process.stdout);
  const progress = !flags.json && targets.length > 1 ? progressBar(targets.length) : undefined;
  const limit = createLimiter(flags.concurrency);
  // Reports keep the order of the targets, whatever order the scans finish in.
  const reports = await Promise.all(
    targets.map((target) =>
      limit(async () => {
        const report = await scan({
          host: target.host,
          port: target.port,
          servername: flags.servername,
          address: overrides.get(`${target.host}:${target.port}`),
          allAddresses: flags.allIps,
          trustStore,
          timeoutMs: flags.timeout,
          quick: flags.quick,
          acme: acmeDirectory ? { directories: { byIssuerKeyId: {}, all: acmeDirectory } } : undefined,
        });
        progress?.tick();
        return report;
      }),
    ),
  );
  progress?.clear();

  if (flags.json) {
    for (const report of reports) process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    for (const report of reports) process.stdout.write(`${formatReport(report, out)}\n`);
    if (reports.length > 1) process.stdout.write(formatSummary(reports, out));
  }
  return exitCodeFor(reports, flags.failOn);
}

/** An http(s) URL from a flag, or a usage error naming the flag. */
function parseHttpUrl(value: string, flag: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
  } catch {
    // reported below
  }
  throw new UsageError(`${flag} must be an http(s) URL, got "${value}"`);
}
