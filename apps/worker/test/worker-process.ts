import { type ChildProcess, spawn } from "node:child_process";
import { processEnv } from "@port443/config";
import { freePort, testRedisUrl } from "@port443/testing";
import { Redis } from "ioredis";

/**
 * The test Redis at database `index`, emptied: workers run as shipped use the default key prefix,
 * so each test file that starts them keeps to a database of its own.
 */
export async function emptyRedisDatabase(index: number): Promise<string> {
  const url = new URL(testRedisUrl());
  url.pathname = `/${index}`;
  const redis = new Redis(url.toString());
  await redis.flushdb();
  await redis.quit();
  return url.toString();
}

/**
 * A worker as shipped (`src/index.ts`) in a child process, to be killed: a short lock duration
 * and tick, so the next worker takes over a dead one's jobs within a second.
 */
export async function spawnWorker(urls: {
  database: string;
  redis: string;
  smtp: string;
}): Promise<ChildProcess> {
  return spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: new URL("..", import.meta.url),
    env: {
      ...processEnv(),
      DATABASE_URL: urls.database,
      REDIS_URL: urls.redis,
      SMTP_URL: urls.smtp,
      WORKER_PORT: String(await freePort()),
      PORT443_ALLOW_PRIVATE_TARGETS: "true",
      WORKER_LOCK_DURATION_MS: "1000",
      SCHEDULER_TICK_MS: "300",
      JOB_RETRY_DELAY_MS: "100",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
}
