import { type ProtocolId, protocolIds } from "../protocols";
import { type ProtocolScan, scanSslv2, scanTlsProtocol } from "./protocol-scan";
import { Session } from "./session";
import type { EnumerateOptions, EnumerationResult } from "./types";

/** Newest first: their suite enumerations are the longest chains, so they get connections first. */
const scanOrder = [...protocolIds].reverse();

async function scan(session: Session, protocol: ProtocolId): Promise<ProtocolScan> {
  try {
    return protocol === "sslv2" ? await scanSslv2(session) : await scanTlsProtocol(session, protocol);
  } catch (error) {
    session.incomplete(`protocol.${protocol}`, `internal error: ${(error as Error).message}`);
    return { protocol, supported: false, ciphers: [], serverPreference: null };
  }
}

/**
 * Protocols, cipher suites (in server order), server preference, DH prime size and key exchange
 * groups, from hand-built ClientHellos over plain TCP: independent of what the local OpenSSL can
 * still negotiate. Never throws; steps that did not finish are listed in `incomplete`, with
 * whatever was learned.
 */
export async function enumerate(options: EnumerateOptions): Promise<EnumerationResult> {
  const session = new Session(options);
  const results = await Promise.all(scanOrder.map((protocol) => scan(session, protocol)));
  const scans = protocolIds.flatMap((protocol) => results.filter((result) => result.protocol === protocol));
  const recordOf = <T>(value: (scan: ProtocolScan) => T) =>
    Object.fromEntries(scans.map((scan) => [scan.protocol, value(scan)])) as Record<ProtocolId, T>;
  if (session.aborted) session.incomplete("enumeration", "cut off by the scan's deadline");
  return {
    protocols: recordOf((scan) => scan.supported),
    ciphers: Object.fromEntries(
      scans.filter((scan) => scan.supported).map((scan) => [scan.protocol, scan.ciphers]),
    ),
    serverPreference: recordOf((scan) => scan.serverPreference),
    dh: session.dhBits.length > 0 ? { primeBits: Math.min(...session.dhBits) } : null,
    groups: [...session.groups],
    legacyExtensions: session.legacyHellos.seen
      ? {
          secureRenegotiation: session.legacyHellos.secureRenegotiation,
          extendedMasterSecret: session.legacyHellos.extendedMasterSecret,
        }
      : null,
    probes: session.probes,
    incomplete: session.incompleteSteps,
  };
}
