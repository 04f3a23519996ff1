import path from "node:path";
import { toolingEnv } from "@port443/config/tooling";
import { ensureDatabase, freePort, withDatabase } from "@port443/testing";
import { runningInstance } from "./instance";
import { log } from "./log";
import { dataDir } from "./paths";
import { startEmbeddedPostgres } from "./postgres";
import { startRedis } from "./redis";

export interface Services {
  /** Server URL whose database name is the one the caller should use. */
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export interface Database {
  /** Server URL whose database name is the one the caller should use. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for "dev" (data kept in .data/postgres, the `port443` database) or "test" (a
 * `<name>_test` database on a server of its own). DATABASE_URL, when set, is used instead of the
 * embedded server, and in "dev" so is the server of this checkout's running `npm start`.
 */
export async function provideDatabase(mode: "dev" | "test"): Promise<Database> {
  const env = toolingEnv();
  let serverUrl = env.DATABASE_URL ?? (mode === "dev" ? runningInstance("dev")?.databaseUrl : undefined);
  let stop = async () => {};
  if (!serverUrl) {
    // Tests take a free port and a cluster of their own, so they run beside `npm start` and
    // beside anything else on the development port.
    const port = mode === "dev" ? env.PORT443_POSTGRES_PORT : await freePort();
    const name = mode === "dev" ? "postgres" : "postgres-test";
    const postgres = await startEmbeddedPostgres({
      dataDir: dataDir(),
      name,
      port,
      variable: "PORT443_POSTGRES_PORT",
    });
    stop = postgres.stop;
    serverUrl = withDatabase(postgres.adminUrl, "port443");
    log(`PostgreSQL ready on 127.0.0.1:${port} (embedded, data in .data/${name})`);
  }
  const databaseUrl =
    mode === "test"
      ? withDatabase(serverUrl, `${new URL(serverUrl).pathname.slice(1) || "port443"}_test`)
      : serverUrl;
  try {
    if (mode === "dev") await ensureDatabase(databaseUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, stop };
}

/**
 * PostgreSQL (see provideDatabase) and Redis for `npm start` ("dev": persistent, on
 * PORT443_REDIS_PORT) or `npm test` ("test": a throw-away Redis on a free port). REDIS_URL, when
 * set, is used instead of a local redis-server.
 */
export async function provideServices(mode: "dev" | "test"): Promise<Services> {
  const env = toolingEnv();
  const database = await provideDatabase(mode);
  const stops: (() => Promise<void>)[] = [database.stop];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error) => log(`shutdown: ${error}`));
  };
  try {
    let redisUrl = env.REDIS_URL ?? (mode === "dev" ? runningInstance("dev")?.redisUrl : undefined);
    if (!redisUrl) {
      const redis =
        mode === "dev"
          ? await startRedis({
              dir: path.join(dataDir(), "redis"),
              port: env.PORT443_REDIS_PORT,
              persistent: true,
            })
          : await startRedis({
              dir: path.join(dataDir(), "redis-test"),
              port: await freePort(),
              persistent: false,
            });
      stops.push(redis.stop);
      redisUrl = redis.url;
      log(`Redis ready at ${redisUrl}${mode === "dev" ? " (data in .data/redis)" : ""}`);
    }
    return { databaseUrl: database.databaseUrl, redisUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
