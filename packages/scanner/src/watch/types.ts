import type { AddressPolicy } from "@port443/net";
import type { TrustStore } from "../chain/trust-store";
import type { Negotiated, ScanError, ScanReport } from "../report";
import type { CrlSource } from "../revocation/crl-source";

/**
 * How an address is read. "plaintext": one TLS 1.2 ClientHello, the server's flight read up to
 * its key exchange, no handshake finished. "handshake": a real TLS handshake, for servers that
 * speak only TLS 1.3 or show TLS 1.3 clients another chain.
 */
export type WatchMode = "plaintext" | "handshake";

export interface WatchOptions {
  host: string;
  port?: number;
  /** SNI and the name the certificate must cover; defaults to `host`. */
  servername?: string;
  /** Addresses to probe (the caller resolved them and took per-address leases); default: resolve host. */
  addresses?: string[];
  /** Of the resolved addresses, probe at most this many (8 by default); ignored with `addresses`. */
  maxAddresses?: number;
  resolve?: (host: string) => Promise<string[]>;
  /** Which addresses may be contacted; all by default (the CLI). */
  policy?: AddressPolicy;
  /** Where AIA fetches for a missing intermediate may go; `policy` by default. */
  fetchPolicy?: AddressPolicy;
  /** Bytes those fetches may take together (16 MB by default). */
  fetchBudgetBytes?: number;
  trustStore?: TrustStore;
  extraCaPems?: string[];
  /** How each address was read last time (per ip). An address without an entry is calibrated: read both ways. */
  modes?: Record<string, WatchMode>;
  /** Revocation "when cached": the staple, or a CRL the source already holds; never a fetch. */
  crls?: CrlSource;
  /** Upper bound for the whole probe (20 s by default). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Clock, for tests. */
  now?: Date;
}

export interface WatchedAddress {
  /** null when the policy refused it (withheld, as scan() does). */
  ip: string | null;
  /** How it was read this time; null when it could not be read. */
  mode: WatchMode | null;
  error: ScanError | null;
  /** SHA-256 fingerprints (hex) of the served certificates, leaf first. */
  chain: string[];
  /** As read this time: a plaintext read shows the TLS 1.2 side, a handshake what Node negotiated. */
  negotiated: Negotiated;
  /** The Strict-Transport-Security value when read for free (null: HTTP answered without one); undefined when not read. */
  hsts: string | null | undefined;
  /** Stable digest of mode + chain + negotiated + hsts: equal iff nothing visible changed; null on error. */
  signature: string | null;
  /** This address's own certificate-level report (as `WatchResult.report`, without `addresses`). */
  report: ScanReport;
}

export interface WatchResult {
  /** In resolution order. */
  addresses: WatchedAddress[];
  /**
   * The certificate-level report of the first address that answered, as a quick scan reports it
   * (cert.* findings, grade null, renewal point, revocation from the staple or a held CRL), with
   * report.addresses filled.
   */
  report: ScanReport;
  durationMs: number;
}
