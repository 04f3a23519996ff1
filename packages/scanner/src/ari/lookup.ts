import type { RequestLimits } from "@port443/net";
import type { ParsedCertificate } from "../certificate";
import type { AriInfo } from "../report";
import { processRenewalInfoSource } from "./default-source";
import { type AcmeDirectories, directoryFor } from "./directory-for";
import type { RenewalInfoSource } from "./renewal-info";

/**
 * What the leaf's ACME directory says through ARI, as the report carries it; null when no
 * directory is known for its issuer.
 */
export async function lookupAri(
  leaf: ParsedCertificate,
  acme: { directories?: AcmeDirectories; source?: RenewalInfoSource } | undefined,
  request: RequestLimits,
): Promise<AriInfo | null> {
  const directory = directoryFor(leaf, acme?.directories);
  if (!directory) return null;
  const answer = await (acme?.source ?? processRenewalInfoSource).lookup(leaf, directory, request);
  return answer.ok
    ? {
        directory,
        window: { start: answer.start.toISOString(), end: answer.end.toISOString() },
        explanationUrl: answer.explanationUrl,
        error: null,
      }
    : { directory, window: null, explanationUrl: null, error: answer.error };
}
