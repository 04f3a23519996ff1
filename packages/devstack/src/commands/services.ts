import { log } from "../log";
import { provideServices } from "../services";

/** `pnpm devstack services`: only PostgreSQL and Redis, for running an app or a test by hand. */
export async function services(): Promise<number> {
  const running = await provideServices("dev");
  log(`DATABASE_URL=${running.databaseUrl}`);
  log(`REDIS_URL=${running.redisUrl}`);
  log("press Ctrl-C to stop");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.stop();
  return 0;
}
