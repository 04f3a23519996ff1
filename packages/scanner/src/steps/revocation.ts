import { fetchOcspStatus } from "../ocsp";
import { checkPathCrls } from "../revocation/check-crl";
import { processCrlSource } from "../revocation/crl-source-default";
import { revocationVerdict } from "../revocation/verdict";
import type { ScanStep } from "./types";

/**
 * Revocation from every mechanism: the staple, else the leaf's OCSP responder, and each
 * certificate of the path on its CA's CRL.
 */
export const revocationStep: ScanStep<"ocsp" | "revocation"> = {
  name: "revocation",
  applies: () => true,
  budgetMs: 5_000,
  async run({ options, leaf, chain, stapled, handshake, fetch, signal, now }, timeoutMs) {
    const issuer = chain.path[1];
    const fetchOptions = { ...fetch, timeoutMs: Math.min(timeoutMs, 3_000), signal };
    const [fetched, crls] = await Promise.all([
      stapled || !issuer ? null : fetchOcspStatus(leaf, issuer, fetchOptions),
      checkPathCrls(chain.path, options.crls ?? processCrlSource, { ...fetch, timeoutMs, signal, now }),
    ]);
    return {
      fills: {
        ocsp: {
          stapled: handshake.ocspResponse !== null,
          status: stapled ?? fetched,
          source: stapled ? "stapled" : fetched ? "fetched" : null,
        },
        revocation: revocationVerdict(stapled ?? fetched, crls, leaf.info(now).subject),
      },
    };
  },
};
