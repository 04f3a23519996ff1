import { cipherSuiteName } from "../data/cipher-suites";
import type { TlsProtocolId } from "../wire/client-hello";
import type { ServerHelloResult } from "../wire/probe-result";
import { selectSuite } from "./select";
import type { Offer, OfferExtras, Session } from "./session";

/**
 * Offers everything left, records the server's pick and removes it, until the server refuses:
 * with a server that enforces its own order, the picks come out in that order. Returns each pick
 * with the ServerHello (and what else `extras.until` read) that chose it.
 */
export async function collectSuites(
  session: Session,
  protocol: TlsProtocolId,
  first: Extract<Offer, { kind: "chosen" }>,
  offered: readonly number[],
  extras: OfferExtras = {},
): Promise<Map<number, ServerHelloResult>> {
  const picks = new Map([[first.code, first.hello]]);
  let remaining = offered.filter((code) => code !== first.code);
  while (remaining.length > 0 && !session.aborted) {
    const offer = await selectSuite(session, protocol, remaining, extras);
    if (offer.kind === "failed") session.incomplete(`ciphers.${protocol}`, `stopped: ${offer.reason}`);
    if (offer.kind !== "chosen") break;
    if (!remaining.includes(offer.code)) {
      // Offering less cannot change the answer of a server that picks what it was not offered.
      if (!picks.has(offer.code)) picks.set(offer.code, offer.hello);
      session.incomplete(
        `ciphers.${protocol}`,
        `the server chose ${cipherSuiteName(offer.code)}, which was not offered`,
      );
      break;
    }
    picks.set(offer.code, offer.hello);
    remaining = remaining.filter((code) => code !== offer.code);
  }
  return picks;
}

/**
 * Whether the server picks by its own order. The enumeration offered what was left in our order
 * each time, so picks out of that order already prove it, with no probe. Picks in our order fit
 * either way; one offer of the first two picks in reverse decides: the server keeps its first pick,
 * or follows us to the second.
 */
export async function detectServerPreference(
  session: Session,
  protocol: TlsProtocolId,
  offered: readonly number[],
  accepted: readonly number[],
): Promise<boolean | null> {
  const [a, b] = accepted;
  if (a === undefined || b === undefined) return null;
  const ranks = accepted.map((code) => offered.indexOf(code)).filter((rank) => rank >= 0);
  if (ranks.some((rank, index) => index > 0 && rank < ranks[index - 1]!)) return true;
  const reverse = await session.offer(protocol, [b, a]);
  if (reverse.kind !== "chosen") return null;
  if (reverse.code === a) return true;
  return reverse.code === b ? false : null;
}
