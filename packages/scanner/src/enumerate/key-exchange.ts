import { cipherSuiteByCode, type KeyExchange } from "../data/cipher-suites";
import type { TlsProtocolId } from "../wire/client-hello";
import { groupsFor } from "../wire/groups";
import type { ServerHelloResult } from "../wire/probe-result";
import type { Session } from "./session";

/** Whether a flight read on to the ServerKeyExchange shows what the key exchange probe is for. */
const shown: Partial<Record<KeyExchange, (hello: ServerHelloResult) => boolean>> = {
  DHE: (hello) => hello.dhBits !== undefined,
  ECDHE: (hello) => hello.ecdheGroup !== undefined,
};

/**
 * The prime size of the server's first DHE suite and the curve of its first ECDHE suite, from the
 * ServerKeyExchange of the flight that picked the suite during enumeration; a suite whose flight
 * did not show it gets a probe of its own that reads on to the ServerKeyExchange.
 */
export async function probeKeyExchange(
  session: Session,
  protocol: TlsProtocolId,
  picks: ReadonlyMap<number, ServerHelloResult>,
): Promise<void> {
  const codes = [...picks.keys()];
  await Promise.all(
    Object.entries(shown).map(async ([kex, seen]) => {
      const code = codes.find((candidate) => cipherSuiteByCode(candidate)?.kex === kex);
      const picked = code === undefined ? undefined : picks.get(code);
      if (code === undefined || !picked) return;
      if (seen(picked)) return session.learnKeyExchange(picked);
      const offer = await session.offer(protocol, [code], { until: "server_key_exchange" });
      if (offer.kind === "failed") session.incomplete(`key_exchange.${protocol}`, offer.reason);
      if (offer.kind === "chosen") session.learnKeyExchange(offer.hello);
    }),
  );
}

/**
 * TLS 1.3 groups: offers the remaining groups with no key share, so the server must name its pick
 * in a HelloRetryRequest; removes it and repeats until the server refuses.
 */
export async function collectTls13Groups(session: Session, accepted: readonly number[]): Promise<void> {
  // A group the suite probes' key shares were already accepted for needs no HelloRetryRequest.
  let remaining = groupsFor("tls1_3").filter((group) => !session.keyShareGroups.has(group));
  while (remaining.length > 0 && !session.aborted) {
    const offer = await session.offer("tls1_3", accepted, { groups: remaining, keyShareGroups: [] });
    if (offer.kind === "failed") session.incomplete("groups.tls1_3", `stopped: ${offer.reason}`);
    const group = offer.kind === "chosen" ? offer.hello.group : undefined;
    if (group === undefined || !remaining.includes(group)) break;
    remaining = remaining.filter((id) => id !== group);
  }
}
