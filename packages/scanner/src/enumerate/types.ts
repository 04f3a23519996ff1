import type { ProtocolId } from "../protocols";

export interface EnumerateOptions {
  address: string;
  port: number;
  /** SNI for every probe (left out for IP literals). */
  servername?: string;
  /** Per connection: connecting and reading each get this long. */
  timeoutMs: number;
  /** Most connections open to this host at once; default 4. */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface EnumerationResult {
  protocols: Record<ProtocolId, boolean>;
  /** IANA names per supported protocol, in the server's order of preference when it has one. */
  ciphers: Partial<Record<ProtocolId, string[]>>;
  /** Whether the server picks by its own order; null when it could not be told (fewer than 2 suites). */
  serverPreference: Record<ProtocolId, boolean | null>;
  /** Smallest DHE prime seen. */
  dh: { primeBits: number } | null;
  /** Key exchange groups the server accepted: TLS 1.3 groups by enumeration, ECDHE curves as seen. */
  groups: string[];
  /**
   * How the server's TLS 1.0–1.2 ServerHellos answered the renegotiation_info (RFC 5746) and
   * extended_master_secret (RFC 7627) every probe offers; null when none was seen.
   */
  legacyExtensions: { secureRenegotiation: boolean; extendedMasterSecret: boolean } | null;
  /** Connections made. */
  probes: number;
  /** Steps that did not finish: what they could not tell is unknown, not "no". */
  incomplete: IncompleteStep[];
}

/**
 * A step of a scan that did not finish. `step` is stable: "protocol.tls1_0" (whether the
 * protocol is accepted), "ciphers.tls1_2" (the suite list), "key_exchange.tls1_2",
 * "groups.tls1_3", "enumeration" (cut off as a whole).
 */
export interface IncompleteStep {
  step: string;
  reason: string;
}
