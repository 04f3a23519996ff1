import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { processEnv } from "@port443/config";
import { createTestDatabase, freePort, type TestDatabase, testRedisUrl } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const webDir = path.resolve(import.meta.dirname, "..");
const nextBin = createRequire(path.join(webDir, "package.json")).resolve("next/dist/bin/next");

/** Runs the production build (`next start`), as `npm start` does. */
async function startWeb(env: Record<string, string>): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: webDir,
    env: { ...processEnv(), NODE_ENV: "production", ...env },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (
      await fetch(url, { method: "HEAD" }).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop: () => child.kill("SIGTERM") };
}

describe("web app (production build)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("web_health");
  });
  afterAll(() => db.drop());

  describe("with PostgreSQL and Redis up", () => {
    let web: Awaited<ReturnType<typeof startWeb>>;
    beforeAll(async () => {
      web = await startWeb({ DATABASE_URL: db.url, REDIS_URL: testRedisUrl() });
    });
    afterAll(() => web.stop());

    it("reports healthy with 200", async () => {
      const response = await fetch(`${web.url}/api/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(await response.json()).toMatchObject({ status: "ok", database: "up", redis: "up" });
    });

    it("serves the landing page", async () => {
      const response = await fetch(web.url);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Know before your certificates hurt.");
      expect(response.headers.get("x-powered-by")).toBeNull();
    });
  });

  describe("with Redis unreachable", () => {
    let web: Awaited<ReturnType<typeof startWeb>>;
    beforeAll(async () => {
      web = await startWeb({ DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    });
    afterAll(() => web.stop());

    it("reports 503 naming Redis as down and the database as up", async () => {
      const response = await fetch(`${web.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "degraded", database: "up", redis: "down" });
    });
  });
});
