import type { AddressPolicy, ByteBudget } from "@port443/net";
import type { Analysis } from "../analysis";
import type { ParsedCertificate } from "../certificate";
import type { ChainAnalysis } from "../chain/build";
import type { EnumerationResult, IncompleteStep } from "../enumerate/types";
import type { HandshakeResult } from "../handshake";
import type { HttpHeaders } from "../hsts";
import type { OcspStatus } from "../ocsp";
import type { ScanOptions } from "../scan";

/** What the connection and chain steps established for one address: every later step reads it. */
export interface Established {
  options: ScanOptions;
  address: string;
  port: number;
  servername: string;
  /** Where the scan's AIA, OCSP, CRL and ARI fetches may go, and the bytes they share. */
  fetch: { policy: AddressPolicy; budget: ByteBudget };
  now: Date;
  signal: AbortSignal;
  /** How long a step that starts now may take: its own bound, never past the scan's deadline. */
  remaining(limitMs: number): number;
  handshake: HandshakeResult;
  /** Absent when enumeration failed. */
  enumeration: EnumerationResult | undefined;
  /** undefined: the endpoint does not answer HTTP. */
  http: HttpHeaders | undefined;
  leaf: ParsedCertificate;
  chain: ChainAnalysis;
  /** The stapled OCSP response's verdict, when one came with the handshake. */
  stapled: OcspStatus | null;
}

/** The parts of the Analysis that steps fill; each has a default for steps that do not run. */
export type StepFields = Pick<Analysis, "ocsp" | "revocation" | "renewal" | "ari" | "vulnerabilities">;

export interface StepOutput<K extends keyof StepFields> {
  fills: Pick<StepFields, K>;
  /** Parts of the step that did not finish. */
  incomplete?: IncompleteStep[];
}

/**
 * One step after the chain is known. Steps run side by side; each says when it applies, how long
 * it may take (the scan's deadline still bounds it) and which fields of the Analysis it fills.
 */
export interface ScanStep<K extends keyof StepFields> {
  name: string;
  applies(established: Established): boolean;
  budgetMs: number;
  run(established: Established, timeoutMs: number): Promise<StepOutput<K>>;
}

/** A step whatever it fills, as the list holds them (its own type says which fields). */
export type AnyScanStep = ScanStep<never>;
