import { z } from "@hono/zod-openapi";
import { GradeSchema, SeveritySchema } from "./common";
import { ScanReportSchema } from "./report";

export const CheckPolicySchema = z
  .object({
    minDaysRemaining: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(14)
      .openapi({ description: "Fail when the certificate expires sooner." }),
    minGrade: GradeSchema.optional().openapi({ description: "Fail below this grade (T and M fail any)." }),
    failOn: SeveritySchema.default("high").openapi({
      description: "Fail on a finding this severe or worse.",
    }),
  })
  .openapi("CheckPolicy");

export const CheckRequestSchema = z
  .object({
    host: z.string().min(1).max(253).openapi({ example: "shop.example.com" }),
    port: z.number().int().min(1).max(65_535).default(443),
    servername: z
      .string()
      .min(1)
      .max(253)
      .optional()
      .openapi({ description: "SNI name, when host is an address." }),
    policy: CheckPolicySchema.optional(),
  })
  .openapi("CheckRequest");

export const CheckResultSchema = z
  .object({
    passed: z.boolean(),
    reasons: z.array(
      z.object({ kind: z.enum(["scan_error", "min_days", "min_grade", "finding"]), message: z.string() }),
    ),
    policy: z.object({
      minDaysRemaining: z.number().int(),
      minGrade: GradeSchema.optional(),
      failOn: SeveritySchema,
    }),
    report: ScanReportSchema,
  })
  .openapi("CheckResult");
