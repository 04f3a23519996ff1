import { claimInstance } from "../instance";
import { log } from "../log";
import { provideServices } from "../services";

/** `pnpm devstack services`: only PostgreSQL and Redis, for running an app or a test by hand. */
export async function services(): Promise<number> {
  const instance = claimInstance("dev", "Port443's development services", "pnpm devstack services");
  try {
    const running = await provideServices("dev");
    instance.update({
      url: running.databaseUrl,
      databaseUrl: running.databaseUrl,
      redisUrl: running.redisUrl,
    });
    log(`DATABASE_URL=${running.databaseUrl}`);
    log(`REDIS_URL=${running.redisUrl}`);
    log("press Ctrl-C to stop");
    await new Promise<void>((resolve) => {
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => resolve());
    });
    await running.stop();
    return 0;
  } finally {
    instance.release();
  }
}
