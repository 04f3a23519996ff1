import path from "node:path";
import { toolingEnv } from "@port443/config/tooling";
import { ensureDatabase, freePort, withDatabase } from "@port443/testing";
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

/**
 * PostgreSQL and Redis for `npm start` ("dev": data kept in .data/) or `npm test` ("test": its own
 * database on the same server, a throw-away Redis). DATABASE_URL / REDIS_URL, when set, are used
 * instead of anything local.
 */
export async function provideServices(mode: "dev" | "test"): Promise<Services> {
  const env = toolingEnv();
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error) => log(`shutdown: ${error}`));
  };
  try {
    let serverUrl = env.DATABASE_URL;
    if (!serverUrl) {
      const postgres = await startEmbeddedPostgres(dataDir(), env.PORT443_PG_PORT);
      stops.push(postgres.stop);
      serverUrl = withDatabase(postgres.adminUrl, "port443");
      log(`PostgreSQL ready on 127.0.0.1:${env.PORT443_PG_PORT} (embedded, data in .data/postgres)`);
    }
    const databaseUrl =
      mode === "test"
        ? withDatabase(serverUrl, `${new URL(serverUrl).pathname.slice(1) || "port443"}_test`)
        : serverUrl;
    if (mode === "dev") await ensureDatabase(databaseUrl);

    let redisUrl = env.REDIS_URL;
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
    return { databaseUrl, redisUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
