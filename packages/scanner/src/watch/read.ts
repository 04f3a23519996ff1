import type { HandshakeResult } from "../handshake";
import type { HttpHeaders } from "../hsts";
import type { ScanFailure } from "../net/scan-error";

/** What one read of an address saw: the served chain, the negotiation, the staple and, if free, HTTP. */
export interface Read extends HandshakeResult {
  /** undefined: not read (a plaintext read, h2, or no HTTP answer). */
  http: HttpHeaders | undefined;
}

/** Why a read failed; `reachable`: the server was reached, so another way of reading may work. */
export interface ReadFailure {
  failure: ScanFailure;
  reachable: boolean;
}

export interface ReadTarget {
  address: string;
  port: number;
  servername: string;
  /** The Host of the HSTS request. */
  host: string;
  signal: AbortSignal;
  remaining(limitMs?: number): number;
}

export const isFailure = <T extends object>(read: T | ReadFailure): read is ReadFailure => "failure" in read;
