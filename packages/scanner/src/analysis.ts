import type { ParsedCertificate } from "./certificate";
import type { ChainAnalysis } from "./chain/build";
import type { CipherSuite } from "./data/cipher-suites";
import type { EnumerationResult, IncompleteStep } from "./enumerate/types";
import type { Renewal } from "./expiry";
import type { Hsts } from "./hsts";
import type { OcspStatus } from "./ocsp";
import type { ProtocolId } from "./protocols";
import type { AriInfo, VulnResult } from "./report";
import type { Revocation } from "./revocation/verdict";

/** Everything a scan learned about one endpoint; rules and the grade read only this. */
export interface Analysis {
  now: Date;
  leaf: ParsedCertificate;
  chain: ChainAnalysis;
  /** The leaf is itself a trust anchor (e.g. pinned through --ca-file). */
  leafTrustedDirectly: boolean;
  hostnameMatches: boolean;
  protocols: Record<ProtocolId, boolean>;
  /** Accepted suites per protocol, in the server's order. */
  suites: Partial<Record<ProtocolId, CipherSuite[]>>;
  serverPreference: Partial<Record<ProtocolId, boolean | null>>;
  /** Smallest DHE prime the server used, in bits. */
  dhBits: number | null;
  /** undefined: the endpoint does not answer HTTP; null: it does, without HSTS. */
  hsts: Hsts | null | undefined;
  ocsp: { stapled: boolean; status: OcspStatus | null; source: "stapled" | "fetched" | null };
  /** Revocation from every mechanism: CRLs of the chain and OCSP. */
  revocation: Revocation;
  /** The leaf's renewal point (two thirds of its lifetime, or its CA's ARI window). */
  renewal: Renewal;
  /** ACME Renewal Information for the leaf, when its CA's directory is known. */
  ari: AriInfo | null;
  /** Steps that did not finish: what they would have told is unknown, never "no". */
  incomplete: IncompleteStep[];
  /** What TLS 1.0–1.2 ServerHellos said to renegotiation_info and extended_master_secret; null unseen. */
  legacyExtensions: EnumerationResult["legacyExtensions"];
  /** Each known-vulnerability probe's result (BREACH's from the HTTP response). */
  vulnerabilities: VulnResult[];
}

/** Whether it is unknown if `protocol` is accepted: its detection did not finish. */
export const protocolUnknown = (analysis: Analysis, protocol: ProtocolId): boolean =>
  analysis.incomplete.some((entry) => entry.step === `protocol.${protocol}`);

/**
 * Steps whose result can lower the grade: while one is incomplete, the grade is provisional. The
 * probes named are those with a grade cap (caps.ts).
 */
export const gradeSteps =
  /^(enumeration|protocol\.(sslv2|sslv3|tls1_[0-3])|ciphers\.\w+|key_exchange\.\w+|vuln\.(heartbleed|ccs_injection|ticketbleed|robot|crime))$/;

/** Whether the probe `id` found the server vulnerable. */
export const foundVulnerable = (analysis: Analysis, id: string): boolean =>
  analysis.vulnerabilities.some((result) => result.id === id && result.status === "vulnerable");

/** A block cipher in CBC mode: neither AEAD, NULL nor the RC4 stream cipher. */
export const isCbc = (suite: CipherSuite): boolean =>
  !suite.aead && !suite.null && !suite.cipher.startsWith("RC4");

/** Every suite accepted under any protocol. */
export const allSuites = (analysis: Analysis): CipherSuite[] => Object.values(analysis.suites).flat();

/** Certificates in the path whose own signature matters: all but the trust anchor. */
export const signedPath = (analysis: Analysis): ParsedCertificate[] =>
  analysis.chain.anchor
    ? analysis.chain.path.filter((cert) => cert !== analysis.chain.anchor)
    : analysis.chain.path;
