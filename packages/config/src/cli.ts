import { z } from "zod";
import { databaseUrl, optional, redisUrl } from "./fields";
import { lazyEnv } from "./parse";
import { processEnv } from "./source";

/** The `port443` command: colour preferences and, for API commands, where and how to connect. */
export const cliEnvSchema = z.object({
  NO_COLOR: optional(z.string()),
  FORCE_COLOR: optional(z.string()),
  PORT443_API_URL: optional(z.url()),
  PORT443_TOKEN: optional(z.string()),
  /** Operator commands (`port443 admin …`) talk to the database and queues directly; the defaults are `npm start`'s. */
  DATABASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    databaseUrl.default("postgresql://postgres:port443@127.0.0.1:54329/port443"),
  ),
  REDIS_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    redisUrl.default("redis://127.0.0.1:6390"),
  ),
});

export type CliEnv = z.infer<typeof cliEnvSchema>;
export const cliEnv = lazyEnv(cliEnvSchema, processEnv);
