import { createHash } from "node:crypto";
import { recentlyUsed } from "../recently-used";
import { createTrustStore, type TrustStore } from "./trust-store";

/**
 * Trust stores per distinct set of extra CAs (deployment bundle + a team's private CA): parsing a
 * bundle once per process instead of once per scan. Bounded, least recently used first out.
 */
export function trustStoreCache(deploymentCaPem: string | null, capacity = 200) {
  const stores = recentlyUsed<TrustStore>(capacity);
  return (teamCaPem: string | null): TrustStore => {
    const pems = [deploymentCaPem, teamCaPem].filter((pem): pem is string => !!pem);
    const key = createHash("sha256").update(pems.join("\n")).digest("hex");
    return stores(key, () => createTrustStore(pems));
  };
}
