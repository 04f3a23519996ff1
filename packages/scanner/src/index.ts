export type { Analysis } from "./analysis";
export { knownAcmeCas } from "./ari/directories";
export type { AcmeDirectories } from "./ari/directory-for";
export { RenewalInfoSource } from "./ari/renewal-info";
export { type ParsedCertificate, parseCertificate, parseCertificates } from "./certificate";
export { createTrustStore, type TrustStore } from "./chain/trust-store";
export { trustStoreCache } from "./chain/trust-store-cache";
export { type CipherSuite, cipherSuiteByName } from "./data/cipher-suites";
export type { IncompleteStep } from "./enumerate/types";
export {
  describeSpan,
  expiringSoonSeverity,
  fixedExpirySeverity,
  fixedExpiryTiers,
  inFinalStretch,
  type Renewal,
  renewalOf,
  type SuggestedWindow,
} from "./expiry";
export { matchesHostname, normalizeHostname } from "./hostname";
export { type ProtocolId, protocolIds, protocols } from "./protocols";
export * from "./report";
export { MAX_ADDRESSES, resolveHost } from "./resolve";
export type { CrlCheck } from "./revocation/check-crl";
export { type CrlLookup, CrlSource, type CrlStore } from "./revocation/crl-source";
export type { Revocation } from "./revocation/verdict";
export { type RuleId, ruleCatalog, ruleIds } from "./rules/catalog";
export { severityRank } from "./rules/evaluate";
export { explainFindings } from "./rules/explain";
export { type ScanOptions, scan } from "./scan";
export type { WatchedAddress, WatchMode, WatchOptions, WatchResult } from "./watch/types";
export { watch } from "./watch/watch";
