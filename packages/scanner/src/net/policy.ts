import { isIP } from "node:net";
import { BlockedAddressError } from "./errors";

/** What the scanner needs of an address policy (see address-policy.ts for the service's). */
export interface AddressPolicy {
  check(ip: string): { allowed: true } | { allowed: false; reason: string };
}

export function assertAllowed(policy: AddressPolicy, ip: string): void {
  const verdict = policy.check(ip);
  if (!verdict.allowed) throw new BlockedAddressError(ip, verdict.reason);
}

export const isIpLiteral = (host: string) => isIP(host.replace(/^\[|\]$/g, "")) !== 0;
