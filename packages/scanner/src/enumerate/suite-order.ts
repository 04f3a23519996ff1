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
    if (offer.kind === "failed") session.error(protocol, `cipher suite enumeration stopped: ${offer.reason}`);
    if (offer.kind !== "chosen") break;
    if (!remaining.includes(offer.code)) {
      // Offering less cannot change the answer of a server that picks what it was not offered.
      if (!picks.has(offer.code)) picks.set(offer.code, offer.hello);
      session.error(protocol, `server chose ${cipherSuiteName(offer.code)}, which was not offered`);
      break;
    }
    picks.set(offer.code, offer.hello);
    remaining = remaining.filter((code) => code !== offer.code);
  }
  return picks;
}

/**
 * Offers the two most preferred suites in both orders: the same pick both times means the server
 * decides; the first offered each time means it follows the client.
 */
export async function detectServerPreference(
  session: Session,
  protocol: TlsProtocolId,
  accepted: readonly number[],
): Promise<boolean | null> {
  const [a, b] = accepted;
  if (a === undefined || b === undefined) return null;
  const [forward, reverse] = await Promise.all([
    session.offer(protocol, [a, b]),
    session.offer(protocol, [b, a]),
  ]);
  if (forward.kind !== "chosen" || reverse.kind !== "chosen") return null;
  if (forward.code === reverse.code) return true;
  return forward.code === a && reverse.code === b ? false : null;
}
