import { z } from "zod";
import { databaseUrl, logLevel, nodeEnv, redisUrl } from "./fields";
import { lazyEnv } from "./parse";
import { processEnv } from "./source";

export const webEnvSchema = z.object({
  NODE_ENV: nodeEnv,
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
});

export type WebEnv = z.infer<typeof webEnvSchema>;
export const webEnv = lazyEnv(webEnvSchema, processEnv);
