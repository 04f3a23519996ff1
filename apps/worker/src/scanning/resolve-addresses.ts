import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/** The most addresses of one name that are scanned and watched (the scanner's own limit). */
export const MAX_ADDRESSES = 8;

const systemResolve = async (host: string) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Every address of `host`, resolved once here so that leases (politeness) and the probe or scan
 * apply to exactly these; empty when the name does not resolve (the scanner then reports why).
 */
export async function resolveAddresses(
  host: string,
  resolve: (host: string) => Promise<string[]> = systemResolve,
): Promise<string[]> {
  if (isIP(host)) return [host];
  const addresses = await resolve(host).catch(() => [] as string[]);
  return [...new Set(addresses)].slice(0, MAX_ADDRESSES);
}
