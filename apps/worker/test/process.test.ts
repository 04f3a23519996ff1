import { spawn } from "node:child_process";
import { once } from "node:events";
import { processEnv } from "@port443/config";
import { createTestDatabase, freePort, type TestDatabase, testRedisUrl } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("worker process", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("worker_process");
  });
  afterAll(() => db.drop());

  it.each(["SIGTERM", "SIGINT"] as const)("serves /health, then exits 0 on %s", async (signal) => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: new URL("..", import.meta.url),
      env: { ...processEnv(), DATABASE_URL: db.url, REDIS_URL: testRedisUrl(), WORKER_PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    try {
      let health: Response | undefined;
      for (let attempt = 0; attempt < 100 && health?.status !== 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      }
      expect(health?.status, output).toBe(200);
      child.kill(signal);
      const [code] = await once(child, "exit");
      expect(code, output).toBe(0);
      expect(output).toContain('"msg":"worker stopped"');
    } finally {
      child.kill("SIGKILL");
    }
  });
});
