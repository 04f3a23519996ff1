import type { Severity } from "../report";
import { type RuleId, ruleCatalog } from "./catalog";
import { severityRank } from "./evaluate";

/**
 * Stored findings as people read them: worst first, each with its rule's title and fix. A rule
 * id the catalog no longer knows (an older scan) keeps its id as the title.
 */
export function explainFindings<F extends { ruleId: string; severity: string }>(findings: F[]) {
  return findings
    .map((finding) => {
      const rule = ruleCatalog[finding.ruleId as RuleId] as (typeof ruleCatalog)[RuleId] | undefined;
      return { ...finding, title: rule?.title ?? finding.ruleId, remediation: rule?.remediation ?? "" };
    })
    .sort((a, b) => severityRank(b.severity as Severity) - severityRank(a.severity as Severity));
}
