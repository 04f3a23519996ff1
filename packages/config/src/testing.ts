import { z } from "zod";
import { databaseUrl, optional, redisUrl } from "./fields";
import { lazyEnv } from "./parse";
import { processEnv } from "./source";

/**
 * What `npm test` hands to every test process: a migrated template database that tests clone
 * (never connect to it directly) and a Redis server for the run.
 */
export const testEnvSchema = z.object({
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  /** Browser tests: the Chromium to drive. Unset: /usr/bin/chromium, installed from apt when missing. */
  CHROMIUM_PATH: optional(z.string()),
});

export type TestEnv = z.infer<typeof testEnvSchema>;
export const testEnv = lazyEnv(testEnvSchema, processEnv);
