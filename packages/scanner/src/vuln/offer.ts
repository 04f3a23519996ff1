import { cipherSuiteByName, cipherSuitesFor } from "../data/cipher-suites";
import { type ProtocolId, protocols } from "../protocols";
import type { TlsProtocolId } from "../wire/client-hello";
import type { VulnContext } from "./types";

/** TLS versions with extensions, newest first. */
const tlsVersions = ["tls1_3", "tls1_2", "tls1_1", "tls1_0"] as const;
/** The versions TLS 1.2-era probes (heartbeat, compression, CCS) can use, newest first. */
export const legacyVersions = ["tls1_2", "tls1_1", "tls1_0"] as const;

/** The TLS versions the server accepts, newest first. */
export const supportedTls = (context: VulnContext): TlsProtocolId[] =>
  tlsVersions.filter((protocol) => context.protocols[protocol]);

/** The newest of TLS 1.0–1.2 the server accepts; undefined without any. */
export const newestLegacy = (context: VulnContext): TlsProtocolId | undefined =>
  legacyVersions.find((protocol) => context.protocols[protocol]);

/**
 * What a probe offers under `protocol`: the suites the server was seen to accept (so a refusal
 * is about the probe's point, not about suites), else every suite the scanner knows for it.
 */
export function suitesFor(context: VulnContext, protocol: ProtocolId): number[] {
  const accepted = (context.ciphers[protocol] ?? []).flatMap((name) => {
    const code = cipherSuiteByName(name)?.code;
    return code === undefined ? [] : [code];
  });
  return accepted.length ? accepted : [...cipherSuitesFor(protocol)];
}

export const protocolLabel = (id: ProtocolId): string =>
  protocols.find((protocol) => protocol.id === id)?.label ?? id;
