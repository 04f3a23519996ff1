import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { ScanFailure } from "./net/scan-error";

/** Addresses of one name scanned or probed at most (`--all-ips`, watch probes). */
export const MAX_ADDRESSES = 8;

const systemResolve = async (host: string) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * The addresses of `host` in the resolver's order (the system resolver: hosts file, internal DNS,
 * unless one is given); a literal address is itself. A ScanFailure (dns_not_found) when none.
 */
export async function resolveHost(
  host: string,
  resolve: (host: string) => Promise<string[]> = systemResolve,
): Promise<string[]> {
  if (isIP(host)) return [host];
  try {
    const addresses = await resolve(host);
    if (!addresses.length) throw new Error("no addresses");
    return addresses;
  } catch (error) {
    throw new ScanFailure(
      "dns_not_found",
      `${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}
