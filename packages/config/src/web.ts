import { z } from "zod";
import { positiveInt, serviceFields } from "./fields";
import { lazyEnv } from "./parse";
import { refuseUnsafeProduction } from "./production";
import { signInFields } from "./sign-in";
import { processEnv } from "./source";

const webFields = z.object({
  ...serviceFields,
  ...signInFields,
  /** Signs session cookies and sign-in tokens: 32 or more random characters (`openssl rand -base64 32`). */
  AUTH_SECRET: z
    .string({ error: (issue) => (issue.input === undefined ? "AUTH_SECRET is required" : undefined) })
    .min(32, "AUTH_SECRET must be at least 32 characters"),
  /** REST API requests per key and minute. */
  PORT443_API_RATE_LIMIT: positiveInt(600),
  /** Largest REST API request body in bytes (1 MiB); bulk imports get what 5,000 domains need. */
  PORT443_API_MAX_BODY_BYTES: positiveInt(1_048_576),
  /** Upper bound of a synchronous check (POST /api/v1/checks); at most 30 s. */
  PORT443_CHECK_TIMEOUT_MS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(1_000).max(30_000).default(30_000),
  ),
  /** Checks this process runs at once; more wait their turn within their time bound. */
  PORT443_CHECKS_AT_ONCE: positiveInt(8),
  /** Of those, checks one team runs at once in this process, so no team's pipeline holds them all. */
  PORT443_CHECKS_PER_TEAM: positiveInt(2),
  /** Domains one team may monitor (dashboard and API; operators' admin CLI is not limited). */
  PORT443_MAX_DOMAINS_PER_TEAM: positiveInt(1_000),
  /** "Scan now" requests per team in any 60 minutes, dashboard and API together. */
  PORT443_MANUAL_SCANS_PER_HOUR: positiveInt(60),
  /** Webhook "send test" deliveries per team and hour: each calls a URL the team chose. */
  PORT443_TEST_WEBHOOKS_PER_HOUR: positiveInt(10),
  /** Invitations per team and hour: each emails an address the team chose. */
  PORT443_INVITATIONS_PER_HOUR: positiveInt(20),
  /** Alert recipient changes (team policy and domain overrides) per team and hour. */
  PORT443_RECIPIENT_CHANGES_PER_HOUR: positiveInt(10),
});

/** In production, a guessable secret or tokens in the log would be worse than not starting. */
export const webEnvSchema = webFields.superRefine(refuseUnsafeProduction);

export type WebEnv = z.infer<typeof webEnvSchema>;
export const webEnv = lazyEnv(webEnvSchema, processEnv);
