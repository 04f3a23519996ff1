import { createTrustStore, type TrustStore } from "./trust-store";

let defaultStore: TrustStore | undefined;

/** The Mozilla store is parsed once per process; extra CAs get a store of their own. */
export function storeFor(options: { trustStore?: TrustStore; extraCaPems?: string[] }): TrustStore {
  if (options.trustStore) return options.trustStore;
  if (options.extraCaPems?.length) return createTrustStore(options.extraCaPems);
  defaultStore ??= createTrustStore();
  return defaultStore;
}
