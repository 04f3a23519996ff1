import { cipherSuiteName, cipherSuitesFor } from "../data/cipher-suites";
import type { ProtocolId } from "../protocols";
import type { TlsProtocolId } from "../wire/client-hello";
import { buildSslv2ClientHello } from "../wire/sslv2";
import { collectTls13Groups, probeKeyExchange } from "./key-exchange";
import { selectSuite } from "./select";
import { failureReason, type OfferExtras, type Session } from "./session";
import { collectSuites, detectServerPreference } from "./suite-order";

export interface ProtocolScan {
  protocol: ProtocolId;
  supported: boolean;
  ciphers: string[];
  serverPreference: boolean | null;
}

const unsupported = (protocol: ProtocolId): ProtocolScan => ({
  protocol,
  supported: false,
  ciphers: [],
  serverPreference: null,
});

/** Below TLS 1.3 the flight goes on in plaintext to the ServerKeyExchange; TLS 1.3 encrypts it. */
const readUntil = (protocol: TlsProtocolId): OfferExtras =>
  protocol === "tls1_3" ? {} : { until: "server_key_exchange" };

/**
 * One protocol: the first offer of every suite decides support (a ServerHello for exactly this
 * version) and is the first step of the suite enumeration. Below TLS 1.3 the enumeration reads
 * each flight on to its ServerKeyExchange (sent with the ServerHello anyway), so the key exchange
 * of the first DHE and ECDHE suites is known without probes of their own.
 */
export async function scanTlsProtocol(session: Session, protocol: TlsProtocolId): Promise<ProtocolScan> {
  const offered = cipherSuitesFor(protocol);
  const first = await selectSuite(session, protocol, offered, readUntil(protocol));
  if (first.kind === "failed") session.incomplete(`protocol.${protocol}`, first.reason);
  if (first.kind !== "chosen") return unsupported(protocol);
  const picks = await collectSuites(session, protocol, first, offered, readUntil(protocol));
  const accepted = [...picks.keys()];
  const [serverPreference] = await Promise.all([
    detectServerPreference(session, protocol, offered, accepted),
    protocol === "tls1_3"
      ? collectTls13Groups(session, accepted)
      : probeKeyExchange(session, protocol, picks),
  ]);
  return { protocol, supported: true, ciphers: accepted.map(cipherSuiteName), serverPreference };
}

/** An SSLv2 server lists every cipher spec it shares with the client in its one SERVER-HELLO. */
export async function scanSslv2(session: Session): Promise<ProtocolScan> {
  const result = await session.send(buildSslv2ClientHello(cipherSuitesFor("sslv2")));
  if (result.type === "sslv2_server_hello") {
    return { ...unsupported("sslv2"), supported: true, ciphers: result.cipherSpecs.map(cipherSuiteName) };
  }
  const failure = failureReason(result);
  if (failure) session.incomplete("protocol.sslv2", failure);
  return unsupported("sslv2");
}
