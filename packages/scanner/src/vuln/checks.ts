import { ccsInjection } from "./ccs-injection";
import { clientRenegotiation } from "./client-renegotiation";
import { crime } from "./crime";
import { earlyData } from "./early-data";
import { fallbackScsv } from "./fallback-scsv";
import { grease } from "./grease";
import { heartbleed } from "./heartbleed";
import { robot } from "./robot";
import { ticketbleed } from "./ticketbleed";
import type { VulnCheck } from "./types";

/**
 * The known-vulnerability probes a full scan runs after enumeration, in report order. A new check
 * is a file exporting a VulnCheck, a line here and its entry in the rule catalog.
 */
export const vulnChecks: readonly VulnCheck[] = [
  heartbleed,
  ccsInjection,
  ticketbleed,
  robot,
  crime,
  clientRenegotiation,
  fallbackScsv,
  earlyData,
  grease,
];
