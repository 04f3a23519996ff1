import { renewalStep } from "./renewal";
import { revocationStep } from "./revocation";
import type { AnyScanStep } from "./types";
import { vulnerabilityStep } from "./vulnerabilities";

/**
 * The steps that run once the chain is known, side by side. A new step is a file exporting a
 * ScanStep, a line here and, if it fills a new part of the Analysis, that part's default in
 * scan.ts.
 */
export const analysisSteps: readonly AnyScanStep[] = [revocationStep, renewalStep, vulnerabilityStep];
