/** Certificate hostname verification (RFC 6125 §6), following what browsers accept. */
import { isIP } from "node:net";
import { domainToASCII } from "node:url";

export interface CertificateIdentity {
  /** dNSName SANs; already ASCII (A-labels) as certificates carry them. */
  dnsNames: string[];
  /** iPAddress SANs in any textual form. */
  ipAddresses: string[];
  commonName?: string;
}

export interface HostnameMatchOptions {
  /** Consult the subject CN when there are no DNS SANs at all. Legacy: browsers ignore the CN. */
  allowCommonNameFallback?: boolean;
}

const MAX_NAME_LENGTH = 253;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** IPv4 is canonical once `isIP` accepts it; IPv6 goes through the URL parser for its compressed form. */
function canonicalIp(ip: string): string {
  return isIP(ip) === 6 ? new URL(`http://[${ip}]`).hostname.slice(1, -1) : ip;
}

/**
 * Lowercase ASCII form of a hostname: IDNs become punycode, one trailing dot goes, IP literals
 * (optionally bracketed) become canonical. Throws on anything that is not a usable hostname.
 */
export function normalizeHostname(input: string): string {
  const bare = input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input;
  // The URL host parser would percent-decode "%", and zone ids (fe80::1%eth0) never appear in certificates.
  if (bare.includes("%")) throw new Error(`Invalid hostname "${input}"`);
  if (isIP(bare) !== 0) return canonicalIp(bare);
  const ascii = domainToASCII(bare).replace(/\.$/, "");
  // The WHATWG host parser turns numeric names like "127.1" into IPv4; refuse rather than guess.
  if (isIP(ascii) !== 0) throw new Error(`Ambiguous numeric hostname "${input}"`);
  const labels = ascii.split(".");
  if (ascii.length === 0 || ascii.length > MAX_NAME_LENGTH || !labels.every((label) => LABEL.test(label))) {
    throw new Error(`Invalid hostname "${input}"`);
  }
  return ascii;
}

/** Whole left-most-label wildcards only; "f*.example.com" and bare-suffix "*.com" never match. */
function matchesDnsId(host: string, presented: string): boolean {
  const pattern = presented.toLowerCase().replace(/\.$/, "");
  if (!pattern.includes("*")) return pattern === host;
  const [first, ...suffix] = pattern.split(".");
  if (first !== "*" || suffix.length < 2 || suffix.some((label) => label.includes("*"))) return false;
  const hostLabels = host.split(".");
  return hostLabels.length === suffix.length + 1 && hostLabels.slice(1).join(".") === suffix.join(".");
}

function sameIp(presented: string, host: string): boolean {
  return isIP(presented) !== 0 && canonicalIp(presented) === host;
}

/** Whether `name` (hostname or IP literal) is covered by the certificate's identities. */
export function matchesHostname(
  name: string,
  cert: CertificateIdentity,
  options: HostnameMatchOptions = {},
): boolean {
  let host: string;
  try {
    host = normalizeHostname(name);
  } catch {
    return false;
  }
  // IP literals match iPAddress SANs only, never a DNS SAN or CN that happens to spell the address.
  if (isIP(host) !== 0) return cert.ipAddresses.some((ip) => sameIp(ip, host));
  const dnsIds =
    options.allowCommonNameFallback && cert.dnsNames.length === 0 && cert.commonName
      ? [cert.commonName]
      : cert.dnsNames;
  return dnsIds.some((presented) => matchesDnsId(host, presented));
}
