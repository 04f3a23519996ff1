import { z } from "@hono/zod-openapi";
import { domainStatuses, tagPattern } from "@port443/services";
import { GradeSchema, orNull, PageQuery, pageOf, Timestamp, Uuid } from "./common";

const Tag = z.string().regex(tagPattern).openapi({ example: "prod" });
const Tags = z
  .array(Tag)
  .max(20)
  .openapi({ description: "1-40 of letters, digits, '.', '_', ':' and '-'; stored lower-case." });
const ScanInterval = z
  .number()
  .int()
  .min(300)
  .max(604_800)
  .openapi({ description: "Seconds between deep scans (the full scan); the team's default when null." });
const WatchInterval = z.number().int().min(60).max(86_400).openapi({
  description:
    "Seconds between watch probes (one handshake per address; a change brings a deep scan forward); the team's default when null. At least the deployment's minimum (PORT443_MIN_WATCH_INTERVAL_SECONDS, 300 unless set), else 422.",
});

export const DomainSchema = z
  .object({
    id: Uuid,
    hostname: z
      .string()
      .openapi({ example: "example.com", description: "Lower-case ASCII; IDNs in punycode." }),
    port: z.number().int(),
    tags: z.array(Tag),
    enabled: z.boolean(),
    scanIntervalSeconds: ScanInterval.nullable(),
    watchIntervalSeconds: WatchInterval.nullable(),
    status: z.enum(domainStatuses).openapi({ description: "From the latest scan: pending until the first." }),
    grade: orNull(GradeSchema),
    notAfter: Timestamp.nullable(),
    daysRemaining: z.number().int().nullable(),
    renewalDueAt: Timestamp.nullable().openapi({
      description:
        "When the served certificate should be replaced: two thirds of its lifetime, or the end of its CA's ARI window. Null for certificates valid over 200 days without ARI, which are renewed by hand and judged by days left.",
    }),
    issuer: z.string().nullable(),
    fingerprintSha256: z.string().nullable(),
    lastScanAt: Timestamp.nullable().openapi({ description: "The last deep scan." }),
    nextScanAt: Timestamp.openapi({ description: "When the next deep scan is due (or claimed until)." }),
    lastProbeAt: Timestamp.nullable().openapi({ description: "The last watch probe, whatever it found." }),
    lastSeenAt: Timestamp.nullable().openapi({
      description: "The last watch probe that saw the endpoint as the latest deep scan left it.",
    }),
    nextWatchAt: Timestamp.openapi({
      description:
        "When the next watch probe is due (or claimed until); the first follows the first deep scan.",
    }),
    lastError: z.string().nullable(),
    failureCount: z.number().int(),
    mutedUntil: Timestamp.nullable(),
    badgeUrl: z.url().nullable().openapi({
      example: "https://port443.example/badges/q3Xv0hC2bYt8mE1kLw9sRa4N.svg",
      description:
        "The domain's status badge (an SVG with the grade and days left, for a README or status page): anyone with the URL sees it. Null while off; turned on, rotated and off on the domain's page.",
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("Domain");

export const DomainPage = pageOf(DomainSchema, "DomainPage");

export const DomainListQuery = z.object({
  ...PageQuery,
  status: z.enum(domainStatuses).optional(),
  grade: GradeSchema.optional(),
  tag: z.string().max(40).optional(),
  expiringWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .openapi({ description: "Certificates expiring within N days (expired ones included)." }),
  search: z.string().max(253).optional().openapi({ description: "Part of the hostname." }),
  sort: z
    .enum(["hostname", "expiry"])
    .default("hostname")
    .openapi({ description: "`hostname` (A–Z, then port) or `expiry` (soonest first, unscanned last)." }),
});

export const NewDomainSchema = z
  .object({
    hostname: z.string().min(1).max(253).openapi({ example: "shop.example.com" }),
    port: z.number().int().min(1).max(65_535).default(443),
    tags: Tags.optional(),
    scanIntervalSeconds: ScanInterval.optional(),
    watchIntervalSeconds: WatchInterval.optional(),
  })
  .openapi("NewDomain");

export const BulkDomainsSchema = z
  .object({ domains: z.array(NewDomainSchema).min(1).max(5_000) })
  .openapi("BulkDomains", { description: "All or nothing: any invalid line and none are added." });

export const DomainUpdateSchema = z
  .object({
    tags: Tags.optional(),
    enabled: z.boolean().optional(),
    scanIntervalSeconds: ScanInterval.nullable().optional(),
    watchIntervalSeconds: WatchInterval.nullable().optional(),
  })
  .openapi("DomainUpdate");

export const MuteSchema = z
  .object({
    until: Timestamp.nullable().openapi({ description: "Up to 90 days ahead; null unmutes." }),
  })
  .openapi("Mute");
