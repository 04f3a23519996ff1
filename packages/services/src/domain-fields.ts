import { normalizeHostname } from "@port443/scanner";
import { z } from "zod";

/** Tags are short labels ("prod", "eu-west"); any case in, stored lower-case, sorted and once each. */
export const tagPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,39}$/;
export const tagsField = z
  .array(
    z
      .string()
      .trim()
      .regex(tagPattern, "tags are 1-40 of letters, digits, '.', '_', ':' and '-'")
      .toLowerCase(),
  )
  .max(20)
  .transform((tags) => [...new Set(tags)].sort());

export const portField = z.number().int().min(1).max(65_535);
/** Between deep scans (full enumeration, probes, grade). */
export const scanIntervalField = z
  .number()
  .int()
  .min(300, "at least 300 seconds")
  .max(7 * 86_400, "at most 7 days");
/**
 * Between watch probes (one connection per address). The deployment may set a higher minimum
 * (PORT443_MIN_WATCH_INTERVAL_SECONDS, checked by assertWatchInterval).
 */
export const watchIntervalField = z
  .number()
  .int()
  .min(60, "at least 60 seconds")
  .max(86_400, "at most a day");

/** A hostname or IP address, normalized (IDN → punycode, canonical IP); `what` names it in errors. */
export const hostnameField = (what = "hostname") =>
  z
    .string()
    .min(1)
    .max(253)
    .transform((value, context) => {
      try {
        return normalizeHostname(value);
      } catch {
        context.addIssue({ code: "custom", message: `"${value}" is not a valid ${what}` });
        return z.NEVER;
      }
    });

/** A domain as a caller describes it; the hostname is checked and normalized. */
export const domainFields = z.object({
  hostname: hostnameField(),
  port: portField.default(443),
  tags: tagsField.default([]),
  scanIntervalSeconds: scanIntervalField.optional(),
  watchIntervalSeconds: watchIntervalField.optional(),
});

export type DomainFields = z.input<typeof domainFields>;
