import { severities } from "@port443/scanner";
import { z } from "zod";

const isoDate = z.iso.datetime({ offset: true });

/** The alert notice shared with the email package; its JSON shape is the contract between them. */
export const webhookNoticeSchema = z.object({
  event: z.enum(["opened", "resolved", "test"]),
  kind: z.enum(["expiry", "expired", "weak_config", "grade_drop", "cert_changed", "scan_failing", "trust"]),
  severity: z.enum(severities),
  title: z.string(),
  detail: z.string(),
  occurredAt: isoDate,
  team: z.object({ name: z.string() }),
  domain: z.object({
    hostname: z.string(),
    port: z.number().int().min(1).max(65_535),
    /** The domain's dashboard page; it becomes a link, so only web URLs. */
    url: z.url({ protocol: z.regexes.httpProtocol }),
  }),
  certificate: z
    .object({
      notAfter: isoDate.nullable(),
      daysRemaining: z.number().int().nullable(),
      issuer: z.string().nullable(),
      subject: z.string().nullable(),
      fingerprint: z.string().nullable(),
    })
    .nullable(),
  findings: z.array(
    z.object({ id: z.string(), title: z.string(), severity: z.enum(severities), remediation: z.string() }),
  ),
  grade: z.object({ current: z.string().nullable(), previous: z.string().nullable() }).nullable(),
  failures: z.object({ count: z.number().int().nonnegative(), lastError: z.string().nullable() }).nullable(),
});

export type WebhookNotice = z.infer<typeof webhookNoticeSchema>;
