import { cipherSuiteByCode, type KeyExchange } from "../data/cipher-suites";
import type { TlsProtocolId } from "../wire/client-hello";
import { groupsFor } from "../wire/groups";
import type { Session } from "./session";

/**
 * Reads on to the ServerKeyExchange once with an accepted DHE suite (prime size) and once with an
 * accepted ECDHE suite (curve); the session records what they show.
 */
export async function probeKeyExchange(
  session: Session,
  protocol: TlsProtocolId,
  accepted: readonly number[],
): Promise<void> {
  const firstWith = (kex: KeyExchange) => accepted.find((code) => cipherSuiteByCode(code)?.kex === kex);
  const suites = [firstWith("DHE"), firstWith("ECDHE")].filter((code) => code !== undefined);
  await Promise.all(
    suites.map(async (code) => {
      const offer = await session.offer(protocol, [code], { until: "server_key_exchange" });
      if (offer.kind === "failed") session.error(protocol, `key exchange probe: ${offer.reason}`);
    }),
  );
}

/**
 * TLS 1.3 groups: offers the remaining groups with no key share, so the server must name its pick
 * in a HelloRetryRequest; removes it and repeats until the server refuses.
 */
export async function collectTls13Groups(session: Session, accepted: readonly number[]): Promise<void> {
  let remaining = [...groupsFor("tls1_3")];
  while (remaining.length > 0 && !session.aborted) {
    const offer = await session.offer("tls1_3", accepted, { groups: remaining, keyShareGroups: [] });
    if (offer.kind === "failed") session.error("tls1_3", `group enumeration stopped: ${offer.reason}`);
    const group = offer.kind === "chosen" ? offer.hello.group : undefined;
    if (group === undefined || !remaining.includes(group)) break;
    remaining = remaining.filter((id) => id !== group);
  }
}
