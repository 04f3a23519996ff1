import { z } from "zod";

/** Empty strings count as unset, as `FOO= node app` means "no value" to a person. */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

function urlWithProtocols(variable: string, protocols: string[]) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${variable} is required` : undefined) })
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `${variable} must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}` },
    );
}

export const databaseUrl = urlWithProtocols("DATABASE_URL", ["postgres:", "postgresql:"]);
export const redisUrl = urlWithProtocols("REDIS_URL", ["redis:", "rediss:"]);

export const port = (fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(65_535).default(fallback));

export const positiveInt = (fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().default(fallback));

export const logLevel = z.preprocess(
  unsetIfEmpty,
  z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
);

export const nodeEnv = z.preprocess(
  unsetIfEmpty,
  z.enum(["development", "production", "test"]).default("development"),
);

export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

export const smtpUrl = urlWithProtocols("SMTP_URL", ["smtp:", "smtps:"]);

export const booleanFlag = z.preprocess(
  unsetIfEmpty,
  z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
);

/** Comma-separated CIDRs, e.g. "10.0.0.0/8, fd00::/8". */
export const cidrList = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
);

/** Key prefix of the queues in Redis: deployments sharing one Redis keep apart with their own. */
export const queuePrefix = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .regex(/^[\w-]+$/)
    .default("port443"),
);

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * ACME directories for ARI lookups beyond the built-in public CAs: comma-separated entries, each
 * `issuer-key-id=URL` (the issuer's key identifier in hex, colons allowed) or a plain URL that
 * applies to every certificate, e.g. "A1:B2:…=https://acme.internal/directory".
 */
export const acmeDirectories = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .default("")
    .transform((value, context) => {
      const directories: { byIssuerKeyId: Record<string, string>; all?: string } = { byIssuerKeyId: {} };
      for (const entry of value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)) {
        const match = /^([0-9a-fA-F:]+)=(.+)$/.exec(entry);
        const url = match ? match[2]! : entry;
        if (!httpUrl.safeParse(url).success) {
          context.addIssue({
            code: "custom",
            message: `"${entry}" is not issuer-key-id=URL or an http(s) URL`,
          });
          continue;
        }
        if (match) directories.byIssuerKeyId[match[1]!.replaceAll(":", "").toLowerCase()] = url;
        else directories.all = url;
      }
      return directories;
    }),
);

/** What scans trust and whether they may reach private addresses at all: the worker's scans and the API's checks. */
export const scanTargetFields = {
  /** ACME directories for renewal information (ARI), see acmeDirectories. */
  PORT443_ACME_DIRECTORIES: acmeDirectories,
  /** Deployment-wide extra trust anchors (PEM file), for every team's scans. */
  PORT443_EXTRA_CA_FILE: optional(z.string()),
  /** Development and tests only: every outbound connection may reach loopback and private addresses. */
  PORT443_ALLOW_PRIVATE_TARGETS: booleanFlag,
};

/** The dashboard's public address: links in notifications, the API document's server. */
export const publicUrl = z.preprocess(unsetIfEmpty, z.url().default("http://localhost:3000"));

/** Outgoing mail: alerts (worker), sign-in and invitations (web). */
export const mailFields = {
  /** Where emails go out; unset means they are logged, not sent. */
  SMTP_URL: optional(smtpUrl),
  MAIL_FROM: z.preprocess(unsetIfEmpty, z.string().default("Port443 <alerts@port443.localhost>")),
};

/**
 * What every long-running process of the service reads (web and worker): where its data lives,
 * how it logs, the public address its links point at, and the mail and scan-target settings.
 */
export const serviceFields = {
  NODE_ENV: nodeEnv,
  /**
   * The shortest watch-probe interval a team may set (seconds): the dashboard and API refuse less,
   * and the worker raises anything saved below it.
   */
  PORT443_MIN_WATCH_INTERVAL_SECONDS: positiveInt(300),
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
  PUBLIC_URL: publicUrl,
  PORT443_QUEUE_PREFIX: queuePrefix,
  ...mailFields,
  ...scanTargetFields,
};
