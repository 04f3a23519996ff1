import { createHash } from "node:crypto";
import { createTrustStore, type TrustStore } from "./trust-store";

/**
 * Trust stores per distinct set of extra CAs (deployment bundle + a team's private CA): parsing a
 * bundle once per process instead of once per scan. Bounded, least recently used first out.
 */
export function trustStoreCache(deploymentCaPem: string | null, capacity = 200) {
  const cache = new Map<string, TrustStore>();
  return (teamCaPem: string | null): TrustStore => {
    const pems = [deploymentCaPem, teamCaPem].filter((pem): pem is string => !!pem);
    const key = createHash("sha256").update(pems.join("\n")).digest("hex");
    let store = cache.get(key);
    if (store) cache.delete(key);
    else store = createTrustStore(pems);
    cache.set(key, store);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return store;
  };
}
