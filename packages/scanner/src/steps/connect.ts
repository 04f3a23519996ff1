import { enumerate } from "../enumerate";
import type { EnumerationResult, IncompleteStep } from "../enumerate/types";
import type { HandshakeResult } from "../handshake";
import { handshakeAndHsts } from "../handshake-hsts";
import type { HttpHeaders } from "../hsts";
import { legacyHandshake } from "../legacy-handshake";
import { protocolIds } from "../protocols";

export interface ConnectTarget {
  address: string;
  port: number;
  servername: string;
  signal: AbortSignal;
  /** The Host for the HSTS request. */
  host: string;
  /** Enumerate protocols and suites with this many connections at once. */
  enumerate: { concurrency: number };
  remaining(limitMs?: number): number;
}

export interface Connection {
  /** The handshake that got the certificate, or why none did. */
  handshake: HandshakeResult | Error;
  /** Absent when enumeration failed. */
  enumeration: EnumerationResult | undefined;
  http: HttpHeaders | undefined;
  incomplete: IncompleteStep[];
}

/**
 * The first steps: an ordinary handshake (with the HSTS request on its connection) beside the
 * enumeration; when Node's OpenSSL cannot talk to the server at all, the certificate from the
 * enumeration's own protocol instead (SSLv3-only, RC4-only and the like).
 */
export async function connect(target: ConnectTarget): Promise<Connection> {
  const { remaining } = target;
  const base = {
    address: target.address,
    port: target.port,
    servername: target.servername,
    signal: target.signal,
  };
  const [{ handshake, http }, enumerated] = await Promise.all([
    handshakeAndHsts({ ...base, timeoutMs: remaining() }, target.host, remaining),
    enumerate({ ...base, timeoutMs: remaining(), concurrency: target.enumerate.concurrency }).catch(
      (error: Error) => error,
    ),
  ]);
  // A scan whose enumeration failed knows no protocol but the one its handshake negotiated.
  const enumeration = enumerated instanceof Error ? undefined : enumerated;
  const incomplete: IncompleteStep[] =
    enumerated instanceof Error
      ? protocolIds.map((protocol) => ({
          step: `protocol.${protocol}`,
          reason: `enumeration failed: ${enumerated.message}`,
        }))
      : [...enumerated.incomplete];
  const connected =
    handshake instanceof Error && enumeration
      ? ((await legacyHandshake({ ...base, timeoutMs: remaining() }, enumeration).catch(() => null)) ??
        handshake)
      : handshake;
  return { handshake: connected, enumeration, http, incomplete };
}
