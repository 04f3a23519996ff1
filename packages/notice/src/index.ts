import { z } from "zod";

export const alertKindSchema = z.enum([
  "expiry",
  "expired",
  "renewal_overdue",
  "early_renewal",
  "weak_config",
  "grade_drop",
  "cert_changed",
  "scan_failing",
  "trust",
]);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** Mildest first, the order of the database enum. */
export const severitySchema = z.enum(["info", "low", "medium", "high", "critical"]);
export type Severity = z.infer<typeof severitySchema>;

const isoDateTime = z.iso.datetime({ offset: true });
/** Links end up in href attributes: only web URLs, never javascript: or data:. */
export const webUrl = z.url({ protocol: /^https?$/ });

/**
 * What a notification says, whatever the channel. Notifications are stored as JSON in the outbox
 * and parsed with this again before rendering, so a payload written by an older worker fails
 * loudly instead of rendering half a message. `test` is a webhook's "send test" delivery.
 */
export const noticeSchema = z.object({
  event: z.enum(["opened", "resolved", "test"]),
  kind: alertKindSchema,
  severity: severitySchema,
  /** e.g. "Certificate for api.example.com expires in 5 days" */
  title: z.string().trim().min(1),
  detail: z.string(),
  occurredAt: isoDateTime,
  team: z.object({ name: z.string().trim().min(1) }),
  domain: z.object({
    /** Goes into the Subject header: no whitespace or control characters. */
    hostname: z.string().regex(/^[^\s\p{Cc}]{1,253}$/u, "Expected a hostname"),
    port: z.number().int().min(1).max(65535),
    /** The domain's page in the dashboard. */
    url: webUrl,
  }),
  certificate: z
    .object({
      notAfter: isoDateTime.nullable(),
      /** Whole days from occurredAt to notAfter; negative once expired. */
      daysRemaining: z.number().int().nullable(),
      issuer: z.string().nullable(),
      subject: z.string().nullable(),
      fingerprint: z.string().nullable(),
    })
    .nullable(),
  findings: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      severity: severitySchema,
      remediation: z.string(),
    }),
  ),
  grade: z
    .object({
      current: z.string().nullable(),
      previous: z.string().nullable(),
      /** Some steps of the scan did not finish: the current grade is what was seen. */
      provisional: z.boolean().optional(),
    })
    .nullable(),
  /** Consecutive failed scans, for scan_failing. */
  failures: z.object({ count: z.number().int().min(0), lastError: z.string().nullable() }).nullable(),
  /** The notification group this message belongs to (see groupNoticeSchema). */
  group: z.object({ id: z.string().min(1), episode: z.number().int().min(1) }).optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** A notice about an alert opening or resolving: what monitoring writes to the outbox, and emails render. */
export const alertNoticeSchema = noticeSchema.extend({ event: z.enum(["opened", "resolved"]) });
export type AlertNotice = z.infer<typeof alertNoticeSchema>;
export type NoticeFinding = Notice["findings"][number];

/** How many domains a group message lists by name; the rest are counted, with a link to the list. */
export const GROUP_LISTED_DOMAINS = 50;

/**
 * One message about a group of alerts that share a cause (one team, recipient and cause): its
 * first ("opened"), domains that joined ("more"), recoveries ("recovered", allRecovered once none
 * is left) or a reminder. `group.id` stays the same across a group's messages, so a receiver can
 * update one incident; `episode` counts the group's openings.
 */
export const groupNoticeSchema = z.object({
  type: z.enum(["opened", "more", "recovered", "reminder"]),
  allRecovered: z.boolean(),
  group: z.object({
    id: z.string().min(1),
    episode: z.number().int().min(1),
    kind: alertKindSchema,
    severity: severitySchema,
    /** What the domains share, e.g. "address 203.0.113.7". */
    cause: z.string().min(1),
  }),
  occurredAt: isoDateTime,
  team: z.object({ name: z.string().trim().min(1) }),
  /** The team's domains list filtered to this group's domains. */
  domainsUrl: webUrl,
  /** Every domain of the group: still alerting, or recovered; `added` when this message is its first. */
  domains: z.array(
    z.object({
      hostname: z.string().regex(/^[^\s\p{Cc}]{1,253}$/u, "Expected a hostname"),
      port: z.number().int().min(1).max(65535),
      url: webUrl,
      recovered: z.boolean(),
      added: z.boolean(),
    }),
  ),
  /** The first domain's notice: title, detail and findings (the fix) the group shares. */
  sample: alertNoticeSchema,
});
export type GroupNotice = z.infer<typeof groupNoticeSchema>;

export { formatDateTime } from "./dates";
export { groupHeadline } from "./group-headline";
