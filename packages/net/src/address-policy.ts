import { BlockList, isIP } from "node:net";
import { BlockedAddressError } from "./errors";

/**
 * The class of a refused address: what tenants may be told. The reason (with the range) and the
 * address itself are for the operator's log only.
 */
export type AddressKind =
  | "unspecified"
  | "private"
  | "loopback"
  | "link-local"
  | "cloud metadata"
  | "reserved"
  | "multicast"
  | "broadcast"
  | "invalid";

export type AddressVerdict = { allowed: true } | { allowed: false; kind: AddressKind; reason: string };

/** Which addresses an outbound connection may reach: scan targets, AIA/OCSP/CRL fetches, webhooks. */
export interface AddressPolicy {
  check(ip: string): AddressVerdict;
}

export function assertAllowed(policy: AddressPolicy, ip: string): void {
  const verdict = policy.check(ip);
  if (!verdict.allowed) throw new BlockedAddressError(ip, verdict);
}

export interface AddressPolicyOptions {
  /** Allow every address (single-tenant or CLI use). Non-IP input is still refused. */
  allowPrivate?: boolean;
  /** CIDRs that re-open refused ranges, e.g. "10.1.0.0/16". */
  allow?: string[];
}

type Family = "ipv4" | "ipv6";

/**
 * Ranges a multi-tenant service must never connect to: anything that could reach our own network,
 * the cloud metadata service, or is not ordinary global unicast. First match wins, so specific
 * entries precede the ranges that contain them.
 */
const refusedRanges: ReadonlyArray<{ cidr: string; kind: AddressKind; reason: string }> = [
  { cidr: "0.0.0.0/8", kind: "unspecified", reason: "this network / unspecified" },
  { cidr: "10.0.0.0/8", kind: "private", reason: "private" },
  { cidr: "100.64.0.0/10", kind: "private", reason: "shared address space (CGNAT)" },
  { cidr: "127.0.0.0/8", kind: "loopback", reason: "loopback" },
  { cidr: "168.63.129.16/32", kind: "cloud metadata", reason: "Azure wire server (platform services)" },
  { cidr: "169.254.0.0/16", kind: "link-local", reason: "link-local, incl. cloud metadata" },
  { cidr: "172.16.0.0/12", kind: "private", reason: "private" },
  { cidr: "192.0.0.0/24", kind: "reserved", reason: "IETF protocol assignments" },
  { cidr: "192.0.2.0/24", kind: "reserved", reason: "documentation (TEST-NET-1)" },
  { cidr: "192.88.99.0/24", kind: "reserved", reason: "6to4 relay anycast" },
  { cidr: "192.168.0.0/16", kind: "private", reason: "private" },
  { cidr: "198.18.0.0/15", kind: "reserved", reason: "benchmarking" },
  { cidr: "198.51.100.0/24", kind: "reserved", reason: "documentation (TEST-NET-2)" },
  { cidr: "203.0.113.0/24", kind: "reserved", reason: "documentation (TEST-NET-3)" },
  { cidr: "224.0.0.0/4", kind: "multicast", reason: "multicast" },
  { cidr: "255.255.255.255/32", kind: "broadcast", reason: "limited broadcast" },
  { cidr: "240.0.0.0/4", kind: "reserved", reason: "reserved" },
  { cidr: "::/128", kind: "unspecified", reason: "unspecified" },
  { cidr: "::1/128", kind: "loopback", reason: "loopback" },
  { cidr: "::/96", kind: "reserved", reason: "IPv4-compatible (deprecated)" },
  { cidr: "64:ff9b:1::/48", kind: "private", reason: "NAT64 local use" },
  { cidr: "100::/64", kind: "reserved", reason: "discard" },
  { cidr: "2001::/32", kind: "reserved", reason: "Teredo" },
  { cidr: "2001::/23", kind: "reserved", reason: "IETF protocol assignments" },
  { cidr: "2001:db8::/32", kind: "reserved", reason: "documentation" },
  { cidr: "3fff::/20", kind: "reserved", reason: "documentation" },
  { cidr: "fc00::/7", kind: "private", reason: "unique local" },
  { cidr: "fe80::/10", kind: "link-local", reason: "link-local" },
  { cidr: "fec0::/10", kind: "private", reason: "site-local (deprecated)" },
  { cidr: "ff00::/8", kind: "multicast", reason: "multicast" },
];

/**
 * IPv6 ranges that carry an IPv4 address: the embedded address decides, so that
 * ::ffff:127.0.0.1 cannot sneak past the IPv4 table. `word` is the 16-bit group it starts at.
 * IPv4-translated addresses (RFC 2765's ::ffff:0:a.b.c.d) reach the IPv4 host through a SIIT
 * translator as mapped ones do.
 */
const embeddingRanges: ReadonlyArray<{ cidr: string; form: string; word: number }> = [
  { cidr: "::ffff:0:0/96", form: "IPv4-mapped", word: 6 },
  { cidr: "::ffff:0:0:0/96", form: "IPv4-translated", word: 6 },
  { cidr: "64:ff9b::/96", form: "NAT64", word: 6 },
  { cidr: "2002::/16", form: "6to4", word: 1 },
];

function parseCidr(cidr: string): { address: string; prefix: number; family: Family } | undefined {
  const [address = "", prefix = "", ...extra] = cidr.split("/");
  const version = isIP(address);
  const bits = Number(prefix);
  if (version === 0 || address.includes("%") || extra.length > 0 || !/^\d{1,3}$/.test(prefix))
    return undefined;
  if (bits > (version === 4 ? 32 : 128)) return undefined;
  return { address, prefix: bits, family: version === 4 ? "ipv4" : "ipv6" };
}

function subnet(cidr: string): { list: BlockList; family: Family } {
  const parsed = parseCidr(cidr);
  if (!parsed) throw new Error(`Invalid CIDR "${cidr}"`);
  const list = new BlockList();
  list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  return { list, family: parsed.family };
}

const refused = refusedRanges.map((range) => ({ ...range, ...subnet(range.cidr) }));
const embeddings = embeddingRanges.map((range) => ({ ...range, ...subnet(range.cidr) }));

/** The eight 16-bit groups of a valid IPv6 address (dotted-quad tails included). */
function ipv6Words(address: string): number[] {
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const [a = 0, b = 0, c = 0, d = 0] = quad?.slice(1).map(Number) ?? [];
  const hex = quad
    ? `${address.slice(0, quad.index)}${(a * 256 + b).toString(16)}:${(c * 256 + d).toString(16)}`
    : address;
  const groups = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const [head = "", tail] = hex.split("::");
  if (tail === undefined) return groups(head);
  const [before, after] = [groups(head), groups(tail)];
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

function embeddedIpv4(address: string, word: number): string {
  const [high = 0, low = 0] = ipv6Words(address).slice(word, word + 2);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const allowPrivate = options.allowPrivate ?? false;
  const allowList = new BlockList();
  for (const entry of options.allow ?? []) {
    const parsed = parseCidr(entry);
    if (!parsed) throw new Error(`Invalid CIDR "${entry}" in address allow-list`);
    allowList.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }

  const check = (ip: string): AddressVerdict => {
    // Zone ids (fe80::1%eth0) select an interface, not an address, and BlockList does not accept them.
    const address = isIP(ip) === 6 ? (ip.split("%")[0] ?? ip) : ip;
    const version = isIP(address);
    if (version === 0) return { allowed: false, kind: "invalid", reason: "not an IP address" };
    if (allowPrivate) return { allowed: true };
    const family: Family = version === 4 ? "ipv4" : "ipv6";
    if (allowList.check(address, family)) return { allowed: true };
    const embedding =
      family === "ipv6" ? embeddings.find((range) => range.list.check(address, family)) : undefined;
    if (embedding) {
      const inner = check(embeddedIpv4(address, embedding.word));
      if (inner.allowed) return inner;
      return { ...inner, reason: `${inner.reason} via ${embedding.form} (${embedding.cidr})` };
    }
    const hit = refused.find((range) => range.family === family && range.list.check(address, family));
    return hit
      ? { allowed: false, kind: hit.kind, reason: `${hit.reason} (${hit.cidr})` }
      : { allowed: true };
  };

  return { check };
}

/** For the CLI, which runs on the user's own machine and may scan their own network. */
export const allowAllAddresses: AddressPolicy = createAddressPolicy({ allowPrivate: true });
