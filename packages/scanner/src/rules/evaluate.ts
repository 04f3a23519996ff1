import type { Analysis } from "../analysis";
import { type Finding, type Severity, severities } from "../report";
import { ruleCatalog } from "./catalog";
import { checks } from "./checks";

/** Runs every check; findings come out most severe first. */
export function evaluateRules(analysis: Analysis): Finding[] {
  return checks
    .flatMap((check) => [check(analysis) ?? []].flat())
    .map((hit) => {
      const rule = ruleCatalog[hit.id];
      return {
        id: hit.id,
        severity: hit.severity ?? rule.severity,
        title: rule.title,
        detail: hit.detail,
        remediation: rule.remediation,
      };
    })
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

export const severityRank = (severity: Severity) => severities.indexOf(severity);
