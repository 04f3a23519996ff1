import { z } from "zod";
import { optional } from "./fields";
import { lazyEnv } from "./parse";
import { processEnv } from "./source";

/** The `port443` command: colour preferences and, for API commands, where and how to connect. */
export const cliEnvSchema = z.object({
  NO_COLOR: optional(z.string()),
  FORCE_COLOR: optional(z.string()),
  PORT443_API_URL: optional(z.url()),
  PORT443_TOKEN: optional(z.string()),
});

export type CliEnv = z.infer<typeof cliEnvSchema>;
export const cliEnv = lazyEnv(cliEnvSchema, processEnv);
