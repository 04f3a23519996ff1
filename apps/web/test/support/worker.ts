import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { processEnv } from "@port443/config";
import { freePort } from "@port443/testing";

const workerDir = path.resolve(import.meta.dirname, "../../../worker");

/** The worker as shipped (its tsup bundle), scanning and notifying for the web app under test. */
export async function startWorker(env: Record<string, string>): Promise<{ stop(): void }> {
  const child: ChildProcess = spawn(process.execPath, ["dist/index.js"], {
    cwd: workerDir,
    env: {
      ...processEnv(),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      WORKER_PORT: String(await freePort()),
      SCHEDULER_TICK_MS: "1000",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { stop: () => child.kill("SIGTERM") };
}
