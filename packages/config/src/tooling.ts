import { z } from "zod";
import { databaseUrl, optional, port, redisUrl, smtpUrl } from "./fields";
import { lazyEnv } from "./parse";
import { weakSecretReason } from "./secret-strength";
import { processEnv } from "./source";

/**
 * The developer tooling (`npm start`, `npm test`, `pnpm db:*`): services it provisions itself
 * unless DATABASE_URL / REDIS_URL point at existing ones.
 */
export const toolingEnvSchema = z.object({
  DATABASE_URL: optional(databaseUrl),
  REDIS_URL: optional(redisUrl),
  CI: optional(z.string()),
  PATH: optional(z.string()),
  PORT: port(3000),
  WORKER_PORT: port(3001),
  PORT443_DATA_DIR: optional(z.string()),
  PORT443_POSTGRES_PORT: port(54329),
  PORT443_REDIS_PORT: port(6390),
  /** Unset: `npm start` runs a local mail catcher (maildev) and sends alerts there. */
  SMTP_URL: optional(smtpUrl),
  PORT443_MAIL_SMTP_PORT: port(1025),
  PORT443_MAIL_WEB_PORT: port(1080),
  /**
   * Unset: `npm start` generates one on first run and keeps it in the data folder. One given is
   * checked as the web process checks it in production, which is how `npm start` runs it.
   */
  AUTH_SECRET: optional(
    z
      .string()
      .min(32)
      .superRefine((secret, context) => {
        const weak = weakSecretReason("AUTH_SECRET", secret);
        if (weak) context.addIssue({ code: "custom", message: weak });
      }),
  ),
  /** `port443` in the list: failures print their stack trace under the one-line message. */
  DEBUG: optional(z.string()),
});

export type ToolingEnv = z.infer<typeof toolingEnvSchema>;
export const toolingEnv = lazyEnv(toolingEnvSchema, processEnv);
