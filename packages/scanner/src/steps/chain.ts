import { boundedRequest, type RequestLimits } from "@port443/net";
import { type ParsedCertificate, parseCertificate } from "../certificate";
import { buildChain, type ChainAnalysis } from "../chain/build";
import type { TrustStore } from "../chain/trust-store";

const AIA_MAX_BYTES = 64 * 1024;

/**
 * The served certificates parsed, and the path from the leaf to a trust anchor, with missing
 * issuers fetched through AIA where the policy allows. A certificate that cannot be parsed is
 * an Error: there is nothing to analyse.
 */
export async function certificatesAndChain(
  ders: Buffer[],
  store: TrustStore,
  fetch: RequestLimits,
): Promise<{ served: ParsedCertificate[]; chain: ChainAnalysis } | Error> {
  let served: ParsedCertificate[];
  try {
    served = ders.map((der) => parseCertificate(der));
  } catch (error) {
    return new Error(`the server sent a certificate that cannot be parsed (${(error as Error).message})`);
  }
  const chain = await buildChain(served, store, async (url) => {
    const response = await boundedRequest(url, { ...fetch, maxBytes: AIA_MAX_BYTES });
    return response.status === 200 ? response.body : null;
  });
  return { served, chain };
}
