import net from "node:net";
import { freePort, withDatabase } from "@port443/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, startJob, tempDataDir, userEnv } from "./support";

/** Something else on a port: another checkout's server, or any program. */
async function occupy(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((socket) => socket.end());
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("busy ports", () => {
  const data = tempDataDir("port443-ports-");
  let postgresPort: Awaited<ReturnType<typeof occupy>>;
  let redisPort: Awaited<ReturnType<typeof occupy>>;
  beforeAll(async () => {
    postgresPort = await occupy();
    redisPort = await occupy();
  });
  afterAll(async () => {
    await postgresPort.close();
    await redisPort.close();
    data.remove();
  });

  it("test mode runs its PostgreSQL and Redis on free ports when the development ports are taken", async () => {
    // The test servers read their settings as `npm test` does, from this process's environment.
    Object.assign(
      process.env,
      userEnv({
        PORT443_DATA_DIR: data.dir,
        PORT443_POSTGRES_PORT: String(postgresPort.port),
        PORT443_REDIS_PORT: String(redisPort.port),
      }),
    );
    delete process.env.DATABASE_URL;
    delete process.env.REDIS_URL;
    const { provideServices } = await import("../src/services");
    const services = await provideServices("test");
    try {
      const database = new URL(services.databaseUrl);
      expect(Number(database.port)).not.toBe(postgresPort.port);
      expect(database.pathname).toBe("/port443_test");
      const client = new pg.Client({ connectionString: withDatabase(services.databaseUrl, "postgres") });
      await client.connect();
      const { rows } = await client.query("SELECT 1 AS one");
      await client.end();
      expect(rows).toEqual([{ one: 1 }]);
      expect(Number(new URL(services.redisUrl).port)).not.toBe(redisPort.port);
    } finally {
      await services.stop();
    }
  });

  it("a development start on a taken port fails in one line naming the service and the way out", async () => {
    const job = startJob("npm", ["run", "--silent", "devstack", "--", "services"], {
      cwd: repoRoot,
      env: userEnv({ PORT443_DATA_DIR: data.dir, PORT443_POSTGRES_PORT: String(postgresPort.port) }),
    });
    expect(await job.exited).toBe(1);
    const lines = job.output().trim().split("\n");
    expect(lines).toEqual([
      `[port443] PostgreSQL: port ${postgresPort.port} is in use by another program; stop it or set PORT443_POSTGRES_PORT to a free port`,
    ]);
  });
});
