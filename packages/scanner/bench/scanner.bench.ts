/**
 * `pnpm bench:scanner`: scanner speed on local endpoints, side by side with sslscan, testssl.sh and
 * Prometheus blackbox_exporter when they are installed. Writes its table into docs/benchmarks.md.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { markdownTable, percentile, writeBenchmarkSection } from "@port443/devstack/benchmarks";
import { freePort } from "@port443/testing";
import { scan } from "../src/scan";
import type { WatchMode } from "../src/watch/types";
import { watch } from "../src/watch/watch";
import { round, throughput } from "./stats";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const argument = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const ENDPOINTS = argument("endpoints", 24);
const ROUNDS = argument("rounds", 3);

const which = async (command: string) =>
  run("which", [command]).then(
    () => true,
    () => false,
  );
const seconds = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

interface Endpoints {
  ports: number[];
  child: ChildProcess;
  /** Connections each endpoint has accepted so far. */
  connections(): Promise<number[]>;
}

async function startEndpoints(): Promise<Endpoints> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(here, "endpoints.ts"), String(ENDPOINTS)],
    {
      cwd: here,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, "line")) as [string];
  const connections = async () => {
    child.stdin!.write("connections\n");
    const [answer] = (await once(lines, "line")) as [string];
    return JSON.parse(answer) as number[];
  };
  return { ports: JSON.parse(line), child, connections };
}

/** CPU time (user + system, ms) a process has used so far, from /proc: the exporter is not ours to ask. */
async function processCpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number((await run("getconf", ["CLK_TCK"])).stdout.trim()) || 100;

/** Completions per second of `work`, 50 at a time, and this process's CPU per completion. */
async function measured(work: (index: number) => Promise<unknown>) {
  const cpu = process.cpuUsage();
  const result = await throughput(50, 5_000, work);
  const used = process.cpuUsage(cpu);
  return { ...result, cpuMs: (used.user + used.system) / 1000 / Math.max(1, result.done) };
}

async function blackboxProbes(ports: number[]): Promise<{ perSecond: number; cpuMs: number } | null> {
  if (!(await which("prometheus-blackbox-exporter"))) return null;
  const dir = await mkdtemp(path.join(tmpdir(), "port443-bench-"));
  const config = path.join(dir, "blackbox.yml");
  await writeFile(
    config,
    "modules:\n  tls:\n    prober: tcp\n    timeout: 5s\n    tcp:\n      tls: true\n      tls_config:\n        insecure_skip_verify: true\n",
  );
  const port = await freePort();
  const exporter = spawn(
    "prometheus-blackbox-exporter",
    [`--config.file=${config}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: "ignore" },
  );
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (
        await fetch(`http://127.0.0.1:${port}/`).then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cpuBefore = await processCpuMs(exporter.pid!);
    const result = await throughput(50, 5_000, async (index) => {
      const response = await fetch(
        `http://127.0.0.1:${port}/probe?module=tls&target=127.0.0.1:${ports[index % ports.length]}`,
      );
      const body = await response.text();
      if (!body.includes("probe_success 1")) throw new Error("probe failed");
    });
    const cpuMs = ((await processCpuMs(exporter.pid!)) - cpuBefore) / Math.max(1, result.done);
    return { perSecond: result.perSecond, cpuMs };
  } finally {
    exporter.kill();
  }
}

const { ports, child, connections } = await startEndpoints();
try {
  const targets = ports.map((port) => ({ host: "leaf.test", address: "127.0.0.1", port }));
  // The warm-up pass, one full scan per endpoint, also counts what a full scan costs in connections.
  const before = await connections();
  for (const target of targets) await scan(target);
  const perScan = (await connections()).map((count, index) => count - before[index]!);

  const latencies: number[] = [];
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    for (const target of targets) {
      const report = await scan(target);
      if (report.error) throw new Error(`scan failed: ${report.error.message}`);
      latencies.push(report.durationMs);
    }
  }
  const sequentialRate = latencies.length / (latencies.reduce((sum, ms) => sum + ms, 0) / 1000);
  const concurrent = await throughput(16, 5_000, (index) => scan(targets[index % targets.length]!));

  // Watch probes: each endpoint calibrated once (read both ways), then read the remembered way.
  const calibration = await Promise.all(
    targets.map((target) => watch({ ...target, addresses: [target.address] })),
  );
  const modes = calibration.map((result) => {
    const mode = result.addresses[0]?.mode;
    if (!mode) throw new Error(`calibration failed: ${result.report.error?.message}`);
    return mode;
  });
  const watchAs = async (index: number, mode: (calibrated: WatchMode) => WatchMode) => {
    const at = index % targets.length;
    const target = targets[at]!;
    const result = await watch({
      ...target,
      addresses: [target.address],
      modes: { [target.address]: mode(modes[at]!) },
    });
    if (!result.addresses[0]?.signature)
      throw new Error(`watch probe failed: ${result.report.error?.message}`);
  };
  const beforeWatch = await connections();
  for (let index = 0; index < targets.length; index++) await watchAs(index, (mode) => mode);
  const perWatch = (await connections()).map((count, index) => count - beforeWatch[index]!);
  const watched = await measured((index) => watchAs(index, (mode) => mode));
  const handshakes = await measured((index) => watchAs(index, () => "handshake"));

  const cliTargets = ports.map((port) => `127.0.0.1:${port}`);
  const cliSeconds = await seconds(() =>
    run(
      process.execPath,
      ["--import", "tsx", "apps/cli/src/bin.ts", "scan", "--json", "--fail-on", "critical", ...cliTargets],
      { cwd: repoRoot },
    ).catch((error: { code?: number }) => {
      if (error.code !== 1) throw error;
    }),
  );
  const sslscanSeconds = (await which("sslscan"))
    ? await seconds(async () => {
        for (const target of cliTargets) await run("sslscan", ["--no-colour", target]);
      })
    : null;
  const testsslSeconds = (await which("testssl"))
    ? await seconds(() =>
        run("testssl", ["--quiet", "--fast", "--warnings", "off", "--color", "0", cliTargets[0]!], {
          maxBuffer: 64 * 1024 * 1024,
        }).catch(() => {}),
      )
    : null;
  const oneScanSeconds = await seconds(() => scan(targets[0]!));
  const blackbox = await blackboxProbes(ports);
  const plaintextEndpoints = modes.filter((mode) => mode === "plaintext").length;

  const rows = [
    [
      "connections per full scan: mean (fewest–most)",
      `${round(perScan.reduce((sum, count) => sum + count, 0) / perScan.length, 1)} (${Math.min(...perScan)}–${Math.max(...perScan)})`,
      "",
    ],
    [
      "full scan, one at a time: p50 / p95",
      `${round(percentile(latencies, 50))} ms / ${round(percentile(latencies, 95))} ms`,
      "p50 ≤ 100 ms",
    ],
    ["full scans per second, one at a time", `${round(sequentialRate)}`, ""],
    [
      "full scans per second, 16 at a time",
      `${round(concurrent.perSecond)} (${concurrent.failed} failed)`,
      "",
    ],
    [
      `\`port443 scan\` over ${ENDPOINTS} endpoints (one process, incl. start-up)`,
      `${round(cliSeconds, 2)} s`,
      "",
    ],
    [
      `sslscan on each of ${ENDPOINTS} endpoints in turn`,
      sslscanSeconds === null ? "not installed" : `${round(sslscanSeconds, 2)} s`,
      "",
    ],
    [
      "ratio port443 / sslscan",
      sslscanSeconds === null ? "–" : `${round(cliSeconds / sslscanSeconds, 2)}`,
      "≤ 0.5",
    ],
    [
      "testssl.sh --fast on one endpoint vs port443 full scan",
      testsslSeconds === null
        ? "not installed"
        : `${round(testsslSeconds, 1)} s vs ${round(oneScanSeconds, 3)} s`,
      "",
    ],
    [
      "watch probe calibration: endpoints read in plaintext",
      `${plaintextEndpoints} of ${targets.length}`,
      "",
    ],
    [
      "connections per watch probe after calibration: mean (fewest–most)",
      `${round(perWatch.reduce((sum, count) => sum + count, 0) / perWatch.length, 1)} (${Math.min(...perWatch)}–${Math.max(...perWatch)})`,
      "1",
    ],
    [
      "watch probes (`--quick`) per second, remembered mode, 50 at a time",
      `${round(watched.perSecond)} (${watched.failed} failed)`,
      "≥ blackbox_exporter",
    ],
    ["worker CPU per watch probe, remembered mode", `${round(watched.cpuMs, 2)} ms`, ""],
    [
      "watch probes per second, handshake mode (with HSTS), 50 at a time",
      `${round(handshakes.perSecond)} (${handshakes.failed} failed)`,
      "",
    ],
    ["worker CPU per watch probe, handshake mode", `${round(handshakes.cpuMs, 2)} ms`, ""],
    [
      "blackbox_exporter TLS probes per second, 50 at a time",
      blackbox === null ? "not installed" : `${round(blackbox.perSecond)}`,
      "",
    ],
    [
      "blackbox_exporter CPU per probe (its own process)",
      blackbox === null ? "–" : `${round(blackbox.cpuMs, 2)} ms`,
      "",
    ],
  ];
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${ENDPOINTS} loopback endpoints (Node ${process.versions.node}).`,
    "",
    markdownTable([["measure", "result", "goal"], ...rows]),
  ].join("\n");
  process.stdout.write(`${table}\n`);

  await writeBenchmarkSection("scanner", "Scanner (`pnpm bench:scanner`)", table);
} finally {
  child.kill();
}
