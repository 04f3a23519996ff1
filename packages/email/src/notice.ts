import {
  type AlertNotice,
  alertKindSchema,
  alertNoticeSchema,
  severitySchema,
  webUrl,
} from "@port443/notice";
import { z } from "zod";

export type { AlertKind, AlertNotice, Severity } from "@port443/notice";
export { alertKindSchema, alertNoticeSchema, severitySchema };
export const severitiesDescending = [...severitySchema.options].reverse();

export type Finding = AlertNotice["findings"][number];

export const digestInputSchema = z.object({
  team: z.object({ name: z.string().trim().min(1) }),
  /** The day the digest covers, YYYY-MM-DD. */
  date: z.iso.date(),
  dashboardUrl: webUrl,
  notices: z.array(alertNoticeSchema),
});
export type DigestInput = z.infer<typeof digestInputSchema>;

/** A stored notice that does not match the schema; retrying will not fix it. */
export class InvalidNoticeError extends Error {
  override name = "InvalidNoticeError";
  readonly issues: z.core.$ZodIssue[];

  constructor(what: string, error: z.ZodError) {
    super(`Invalid ${what}:\n${z.prettifyError(error)}`);
    this.issues = error.issues;
  }
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidNoticeError(what, result.error);
  return result.data;
}
