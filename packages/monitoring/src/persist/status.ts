import type { DomainStatus, Grade } from "@port443/db";
import { grades, type Grade as ReportGrade, type ScanReport } from "@port443/scanner";

/** The database spells A+ and A- as enum members. */
export const gradeToDb: Record<ReportGrade, Grade> = {
  "A+": "A_PLUS",
  A: "A",
  "A-": "A_MINUS",
  B: "B",
  C: "C",
  D: "D",
  E: "E",
  F: "F",
  T: "T",
  M: "M",
};
/** The database's grades, best first: the report's order in the database's spelling. */
export const dbGrades = grades.map((grade) => gradeToDb[grade]) as [Grade, ...Grade[]];

export const gradeFromDb = Object.fromEntries(
  Object.entries(gradeToDb).map(([report, db]) => [db, report]),
) as Record<Grade, ReportGrade>;

/** A domain's traffic light from its latest scan: the worst finding decides. */
export function domainStatus(report: ScanReport): DomainStatus {
  if (report.error) return "error";
  if (report.findings.some((finding) => finding.severity === "critical")) return "critical";
  if (report.findings.some((finding) => finding.severity === "high" || finding.severity === "medium"))
    return "warning";
  return "ok";
}
