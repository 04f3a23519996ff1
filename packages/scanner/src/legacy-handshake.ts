import { cipherSuiteByName, cipherSuitesFor } from "./data/cipher-suites";
import type { EnumerationResult } from "./enumerate";
import type { HandshakeResult } from "./handshake";
import { protocolIds } from "./protocols";
import { buildClientHello, buildSslv2ClientHello, probe } from "./wire";

export interface LegacyTarget {
  address: string;
  port: number;
  servername: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * The certificate of a server Node's OpenSSL cannot talk to (SSLv2/SSLv3 only, RC4 or export
 * suites only): read from the plaintext Certificate message of a hand-built handshake, using the
 * newest protocol and the suites enumeration found it to accept. TLS 1.3 encrypts its
 * certificates, so this covers TLS 1.2 and older only.
 */
export async function legacyHandshake(
  target: LegacyTarget,
  enumeration: EnumerationResult,
): Promise<HandshakeResult | null> {
  const protocol = [...protocolIds].reverse().find((id) => id !== "tls1_3" && enumeration.protocols[id]);
  if (!protocol) return null;
  const accepted = (enumeration.ciphers[protocol] ?? [])
    .map((name) => cipherSuiteByName(name)?.code)
    .filter((code): code is number => code !== undefined);
  const suites = accepted.length ? accepted : [...cipherSuitesFor(protocol)];
  const hello =
    protocol === "sslv2"
      ? buildSslv2ClientHello(suites)
      : buildClientHello({ version: protocol, cipherSuites: suites, servername: target.servername });
  const result = await probe({ ...target, hello, until: "server_key_exchange" });
  const certificates =
    result.type === "server_hello"
      ? (result.certificates ?? [])
      : result.type === "sslv2_server_hello" && result.certificate
        ? [result.certificate]
        : [];
  if (!certificates.length) return null;
  return {
    certificates,
    negotiated: {
      protocol,
      cipher: enumeration.ciphers[protocol]?.[0] ?? null,
      group: null,
      alpn: null,
    },
    ocspResponse: null,
  };
}
