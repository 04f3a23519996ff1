import { createLimiter } from "@port443/net";
import type { IncompleteStep } from "../enumerate/types";
import type { VulnResult } from "../report";
import type { VulnCheck, VulnContext, VulnTarget } from "./types";

export interface VulnRun {
  results: VulnResult[];
  incomplete: IncompleteStep[];
}

/**
 * Runs each check whose precondition the scan has seen, at most `concurrency` at once (they share
 * the per-address connection budget with nothing else: enumeration has finished). A check that
 * throws is a bug, not a finding about the server: it is reported as incomplete, never as "ok".
 */
export async function runVulnChecks(
  checks: readonly VulnCheck[],
  target: VulnTarget,
  context: VulnContext,
  concurrency: number,
): Promise<VulnRun> {
  const limit = createLimiter(Math.max(1, concurrency));
  const results = await Promise.all(
    checks.map(async (check): Promise<VulnResult> => {
      if (!check.applies(context))
        return { id: check.id, status: "not_run", detail: "Its precondition was not seen in this scan." };
      const outcome = await limit(() => check.run(target, context)).catch(
        (error: Error) => ({ status: "incomplete", reason: `the probe failed: ${error.message}` }) as const,
      );
      return outcome.status === "incomplete"
        ? { id: check.id, status: "incomplete", detail: outcome.reason }
        : { id: check.id, status: outcome.status, detail: outcome.detail };
    }),
  );
  return {
    results,
    incomplete: results
      .filter((result) => result.status === "incomplete")
      .map((result) => ({ step: result.id, reason: result.detail })),
  };
}
