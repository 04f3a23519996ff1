import { lookupAri } from "../ari/lookup";
import { renewalOf } from "../expiry";
import type { ScanStep } from "./types";

/** The leaf's renewal point, from its CA's ARI window when its ACME directory is known. */
export const renewalStep: ScanStep<"ari" | "renewal"> = {
  name: "renewal",
  applies: () => true,
  budgetMs: 3_000,
  async run({ options, leaf, fetch, signal }, timeoutMs) {
    const ari = await lookupAri(leaf, options.acme, { ...fetch, timeoutMs, signal });
    return { fills: { ari, renewal: renewalOfLeaf(leaf, ari) } };
  },
};

export const renewalOfLeaf = (
  leaf: { x509: { validFrom: string; validTo: string } },
  ari: { window: { start: string; end: string } | null } | null,
) =>
  renewalOf(
    new Date(leaf.x509.validFrom),
    new Date(leaf.x509.validTo),
    ari?.window ? { start: new Date(ari.window.start), end: new Date(ari.window.end) } : null,
  );
