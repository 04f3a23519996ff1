import type { HttpHeaders } from "../hsts";
import type { VulnResult } from "../report";
import { vulnChecks } from "../vuln/checks";
import { runVulnChecks } from "../vuln/run";
import type { ScanStep } from "./types";

/** BREACH needs no probe of its own: the HSTS request already offers gzip, deflate and br. */
export function breachOf(http: HttpHeaders | undefined): VulnResult {
  if (!http) return { id: "vuln.breach", status: "not_run", detail: "The endpoint does not answer HTTP." };
  return http.contentEncoding
    ? {
        id: "vuln.breach",
        status: "vulnerable",
        detail: `GET / offering gzip, deflate and br came back with Content-Encoding: ${http.contentEncoding}; pages that reflect input next to secrets can leak them (BREACH).`,
      }
    : {
        id: "vuln.breach",
        status: "ok",
        detail: "GET / offering gzip, deflate and br came back uncompressed.",
      };
}

/** The known-vulnerability probes, whose preconditions come from the enumeration. */
export const vulnerabilityStep: ScanStep<"vulnerabilities"> = {
  name: "vulnerabilities",
  applies: ({ enumeration }) => enumeration !== undefined,
  budgetMs: 5_000,
  async run({ options, address, port, servername, enumeration, http, signal }, timeoutMs) {
    const { results, incomplete } = await runVulnChecks(
      vulnChecks,
      { address, port, servername, timeoutMs, signal },
      { protocols: enumeration!.protocols, ciphers: enumeration!.ciphers },
      options.connectionsPerAddress ?? 4,
    );
    return { fills: { vulnerabilities: [...results, breachOf(http)] }, incomplete };
  },
};
