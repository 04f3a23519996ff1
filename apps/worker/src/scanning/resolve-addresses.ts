import { MAX_ADDRESSES, resolveHost } from "@port443/scanner";

/**
 * Every address of `host` (at most the scanner's limit), resolved once here so that leases
 * (politeness) and the probe or scan apply to exactly these; empty when the name does not resolve
 * (the scanner then reports why).
 */
export async function resolveAddresses(
  host: string,
  resolve?: (host: string) => Promise<string[]>,
): Promise<string[]> {
  const addresses = await resolveHost(host, resolve).catch(() => [] as string[]);
  return [...new Set(addresses)].slice(0, MAX_ADDRESSES);
}
