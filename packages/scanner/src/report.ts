import type { IncompleteStep } from "./enumerate/types";
import type { ProtocolId } from "./protocols";
import type { Revocation } from "./revocation/verdict";

/** The scanner's JSON contract: one report per target (and address). Other packages and the CLI rely on it. */

export const severities = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof severities)[number];

export const grades = ["A+", "A", "A-", "B", "C", "D", "E", "F", "T", "M"] as const;
export type Grade = (typeof grades)[number];

export const errorCodes = [
  "dns_not_found",
  "connection_refused",
  "timeout",
  "tls_handshake_failed",
  "not_tls",
  "blocked_address",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ScanError {
  code: ErrorCode;
  message: string;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  sans: string[];
  notBefore: string;
  notAfter: string;
  daysRemaining: number;
  fingerprintSha256: string;
  serialNumber: string;
  keyType: "RSA" | "EC" | "Ed25519" | "Ed448" | "DSA" | "unknown";
  keyBits: number;
  signatureAlgorithm: string;
  /** PEM, for storage; the CLI's JSON output includes it too. */
  pem: string;
}

/** When the leaf should be renewed: see `expiry.ts`. */
export interface RenewalInfo {
  lifetimeDays: number;
  dueAt: string;
  overdueAt: string;
  source: "lifetime" | "ari";
  /** Whether an overdue renewal is reported (certificates of at most 200 days, or with an ARI window). */
  tracked: boolean;
  /** What the CA's ACME Renewal Information said; null when no ACME directory is known for the issuer. */
  ari: AriInfo | null;
}

export interface AriInfo {
  directory: string;
  /** The suggested renewal window; null when the lookup failed (see `error`). */
  window: { start: string; end: string } | null;
  explanationUrl: string | null;
  error: string | null;
}

export interface Finding {
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  remediation: string;
}

/**
 * What one vulnerability probe found. "not_run": its precondition was not seen (no TLS 1.2 or
 * older, no RSA key exchange, a quick scan), so it was not sent; "not_applicable": it was sent and
 * the precondition turned out absent; "incomplete": it could not tell (also listed in `incomplete`).
 */
export interface VulnResult {
  id: string;
  status: "vulnerable" | "ok" | "not_applicable" | "incomplete" | "not_run";
  detail: string;
}

/** Short names of the probes, for the CLI and the dashboard; the catalog has the long titles. */
export const vulnerabilityNames: Readonly<Record<string, string>> = {
  "vuln.heartbleed": "Heartbleed",
  "vuln.ccs_injection": "CCS injection",
  "vuln.ticketbleed": "Ticketbleed",
  "vuln.robot": "ROBOT",
  "vuln.client_renegotiation": "Client renegotiation",
  "vuln.crime": "CRIME",
  "vuln.breach": "BREACH",
  "protocol.no_fallback_scsv": "Downgrade protection (TLS_FALLBACK_SCSV)",
  "protocol.early_data": "0-RTT early data",
  "protocol.grease_intolerant": "GREASE tolerance",
};

export interface Negotiated {
  protocol: ProtocolId | null;
  cipher: string | null;
  group: string | null;
  alpn: string | null;
}

export interface AddressResult {
  /** null: withheld, as the address policy refused it. */
  ip: string | null;
  grade: Grade | null;
  fingerprintSha256: string | null;
  protocols: Record<ProtocolId, boolean> | null;
  error: ScanError | null;
}

export interface ScanReport {
  target: { host: string; port: number; servername: string; ip: string | null };
  scannedAt: string;
  durationMs: number;
  grade: Grade | null;
  /** A step that could lower the grade did not finish (see `incomplete`): the grade is what was seen so far. */
  gradeProvisional: boolean;
  gradeCaps: GradeCap[];
  score: { protocol: number; keyExchange: number; cipher: number; total: number } | null;
  certificate: CertificateInfo | null;
  renewal: RenewalInfo | null;
  chain: CertificateInfo[];
  trusted: boolean;
  hostnameMatches: boolean;
  protocols: Record<ProtocolId, boolean>;
  ciphers: Partial<Record<ProtocolId, string[]>>;
  negotiated: Negotiated;
  hsts: { maxAge: number; includeSubDomains: boolean; preload: boolean } | null;
  ocsp: {
    stapled: boolean;
    status: "good" | "revoked" | "unknown" | null;
    source: "stapled" | "fetched" | null;
  };
  revocation: Revocation;
  findings: Finding[];
  /** Every known-vulnerability probe and what it saw, in the order of the check list. */
  vulnerabilities: VulnResult[];
  /** Steps that did not finish (a probe timed out, the deadline cut the enumeration): unknown, not "no". */
  incomplete: IncompleteStep[];
  /** Every address scanned (with --all-ips), and what differs between them. */
  addresses: AddressResult[];
  error: ScanError | null;
}

export interface GradeCap {
  grade: Grade;
  reason: string;
}
