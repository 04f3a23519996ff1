import { createHash } from "node:crypto";
import type { Negotiated } from "../report";
import type { WatchMode } from "./types";

/** What a watch probe sees of an address; the signature covers exactly this. */
export interface Visible {
  mode: WatchMode;
  /** SHA-256 fingerprints of the served certificates, leaf first. */
  chain: string[];
  negotiated: Negotiated;
  hsts: string | null | undefined;
}

/**
 * A digest equal for two probes iff they saw the same thing: fixed field order, no time, and
 * "not read" (undefined) kept apart from "no header" (null).
 */
export function visibleSignature({ mode, chain, negotiated, hsts }: Visible): string {
  const fields = [
    mode,
    chain,
    negotiated.protocol,
    negotiated.cipher,
    negotiated.group,
    negotiated.alpn,
    hsts === undefined ? { unread: true } : hsts,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

/** SHA-256 of a DER certificate, as the report's fingerprintSha256. */
export const fingerprintOf = (der: Buffer): string => createHash("sha256").update(der).digest("hex");
