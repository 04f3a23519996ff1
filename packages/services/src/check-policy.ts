import { type Grade, grades, type ScanReport, severities, severityRank } from "@port443/scanner";
import { z } from "zod";

/** What a deploy gate requires of an endpoint. */
export const checkPolicy = z.object({
  /** The certificate must stay valid at least this many more days. */
  minDaysRemaining: z.number().int().min(0).max(3650).default(14),
  /** The grade must be this or better (A+ best; T and M, untrusted and mismatched, fail any). */
  minGrade: z.enum(grades).optional(),
  /** A finding this severe or worse fails the check. */
  failOn: z.enum(severities).default("high"),
});

export type CheckPolicy = z.output<typeof checkPolicy>;

export interface CheckReason {
  kind: "scan_error" | "min_days" | "min_grade" | "finding";
  message: string;
}

/** `grades` runs best to worst, T and M last: a lower index is a better grade. */
const gradeIndex = (grade: Grade) => grades.indexOf(grade);

/** Every reason the report falls short of the policy; none means the check passes. */
export function evaluateCheck(report: ScanReport, policy: CheckPolicy): CheckReason[] {
  if (report.error)
    return [{ kind: "scan_error", message: `scan failed (${report.error.code}): ${report.error.message}` }];
  const reasons: CheckReason[] = [];
  const days = report.certificate?.daysRemaining;
  if (days !== undefined && days < policy.minDaysRemaining) {
    reasons.push({
      kind: "min_days",
      message:
        days < 0
          ? `the certificate expired ${-days} day${days === -1 ? "" : "s"} ago`
          : `the certificate expires in ${days} day${days === 1 ? "" : "s"}, below the required ${policy.minDaysRemaining}`,
    });
  }
  if (policy.minGrade && (!report.grade || gradeIndex(report.grade) > gradeIndex(policy.minGrade))) {
    reasons.push({
      kind: "min_grade",
      message: `grade ${report.grade ?? "none"} is below the required ${policy.minGrade}`,
    });
  }
  const threshold = severityRank(policy.failOn);
  for (const finding of report.findings) {
    if (severityRank(finding.severity) >= threshold)
      reasons.push({ kind: "finding", message: `${finding.severity}: ${finding.title} (${finding.id})` });
  }
  return reasons;
}
