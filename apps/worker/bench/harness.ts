import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { processEnv } from "@port443/config";
import { freePort } from "@port443/testing";

/** As the worker runs in production (Dockerfile, npm start): a capped heap makes V8 collect sooner. */
const WORKER_NODE_FLAGS = ["--max-old-space-size=192"];
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");

export const argument = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);

/** A bench script of this folder in a process of its own; its first line of output is JSON. */
export async function spawnEndpoints<T>(
  script: string,
  args: string[],
): Promise<{ child: ChildProcess; ready: T }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, script), ...args], {
    cwd: here,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  return { child, ready: JSON.parse(line) as T };
}

export interface BenchWorker {
  child: ChildProcess;
  /** Its /health and /metrics port. */
  port: number;
}

/** Worker processes built as shipped (`dist/index.js`), with the bench's environment. */
export async function spawnWorkers(count: number, env: Record<string, string>): Promise<BenchWorker[]> {
  const workers: BenchWorker[] = [];
  for (let index = 0; index < count; index++) {
    const port = await freePort();
    const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, "dist/index.js"], {
      cwd: path.join(repoRoot, "apps/worker"),
      env: { ...processEnv(), NODE_ENV: "production", LOG_LEVEL: "warn", ...env, WORKER_PORT: String(port) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    workers.push({ child, port });
  }
  return workers;
}

/** A counter's total over every worker's /metrics (all label sets summed), per label value of `by`. */
export async function workerCounter(workers: BenchWorker[], name: string, by: string) {
  const totals = new Map<string, number>();
  for (const worker of workers) {
    const text = await fetch(`http://127.0.0.1:${worker.port}/metrics`).then((response) => response.text());
    for (const line of text.split("\n")) {
      const match = new RegExp(`^${name}\\{[^}]*${by}="([^"]+)"[^}]*\\} (\\S+)$`).exec(line);
      if (match) totals.set(match[1]!, (totals.get(match[1]!) ?? 0) + Number(match[2]));
    }
  }
  return totals;
}
