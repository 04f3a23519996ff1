import { ALERT_PROTOCOL_VERSION } from "../wire/alerts";
import type { TlsProtocolId } from "../wire/client-hello";
import type { Offer, OfferExtras, Session } from "./session";

/** Some servers and middleboxes fail on ClientHellos with more suites than this. */
export const MAX_SUITES_PER_HELLO = 128;

function chunks(suites: readonly number[]): number[][] {
  const parts: number[][] = [];
  for (let at = 0; at < suites.length; at += MAX_SUITES_PER_HELLO) {
    parts.push(suites.slice(at, at + MAX_SUITES_PER_HELLO));
  }
  return parts;
}

/**
 * Offers the chunks one by one, then lets the server choose among the chunk winners, so the
 * result is still its pick from the whole list.
 */
async function offerInChunks(
  session: Session,
  protocol: TlsProtocolId,
  suites: readonly number[],
  extras: OfferExtras,
): Promise<Offer> {
  const chosen: Extract<Offer, { kind: "chosen" }>[] = [];
  let last: Offer = { kind: "refused", reason: "no suites offered" };
  for (const part of chunks(suites)) {
    last = await session.offer(protocol, part, extras);
    if (last.kind === "failed") return last;
    if (last.kind === "chosen") chosen.push(last);
  }
  const [only, ...others] = chosen;
  if (!only) return last;
  if (others.length === 0) return only;
  return session.offer(
    protocol,
    chosen.map((offer) => offer.code),
    extras,
  );
}

/**
 * The suite the server picks from `suites`. A long offer the server turns down for another reason
 * than the protocol version is retried in chunks; once chunks work where the long offer did not,
 * later offers for this protocol go straight to chunks.
 */
export async function selectSuite(
  session: Session,
  protocol: TlsProtocolId,
  suites: readonly number[],
  extras: OfferExtras = {},
): Promise<Offer> {
  const long = suites.length > MAX_SUITES_PER_HELLO;
  const longHellos = session.longHellos.get(protocol);
  if (long && longHellos === false) return offerInChunks(session, protocol, suites, extras);
  const offer = await session.offer(protocol, suites, extras);
  if (!long || longHellos !== undefined) return offer;
  if (offer.kind === "chosen") session.longHellos.set(protocol, true);
  if (offer.kind !== "refused" || offer.alert === ALERT_PROTOCOL_VERSION) return offer;
  const chunked = await offerInChunks(session, protocol, suites, extras);
  if (chunked.kind === "chosen") session.longHellos.set(protocol, false);
  return chunked;
}
