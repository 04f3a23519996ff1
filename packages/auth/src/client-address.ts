import { BlockList, isIP } from "node:net";

/**
 * Who may say which address a request came from (`PORT443_TRUSTED_PROXIES`): the number of
 * proxies in front of the web process, or their addresses and ranges.
 */
export type TrustedProxies = { hops: number } | { cidrs: string[] };

/** "203.0.113.9", "203.0.113.9:4711", "[2001:db8::1]:443" and "::ffff:203.0.113.9" as plain addresses. */
function plainAddress(entry: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  const address = bracketed?.[1] ?? withPort?.[1] ?? entry;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  const plain = mapped?.[1] ?? address;
  return isIP(plain) ? plain : null;
}

function proxyList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const entry of cidrs) {
    const [address, prefix] = entry.split("/");
    const type = isIP(address!) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

/**
 * The client's address from an X-Forwarded-For chain whose last entry is the socket's peer (the
 * web server appends it, `apps/web/server.mjs`). Walking from the right, each entry a trusted
 * proxy sent is believed: with `hops`, that many proxies; with `cidrs`, while the entry is one.
 * The first entry not vouched for that way is the client, since anything left of it came from
 * the client itself. An unreadable entry stops the walk at the last readable one.
 */
export function clientAddress(forwardedFor: string | null, trusted: TrustedProxies): string | null {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const proxies = "cidrs" in trusted ? proxyList(trusted.cidrs) : null;
  const hops = "hops" in trusted ? trusted.hops : 0;
  let client: string | null = null;
  for (let hop = 0; hop < chain.length; hop++) {
    const address = plainAddress(chain[chain.length - 1 - hop]!);
    if (!address) break;
    client = address;
    const isProxy = proxies ? proxies.check(address, isIP(address) === 6 ? "ipv6" : "ipv4") : hop < hops;
    if (!isProxy) break;
  }
  return client;
}

/**
 * The request with X-Forwarded-For replaced by the one address it resolves to, which
 * better-auth's per-address limits then key on (it believes a single-entry header); without
 * one, the header is dropped.
 */
export function withClientAddress(request: Request, trusted: TrustedProxies): Request {
  const headers = new Headers(request.headers);
  const client = clientAddress(headers.get("x-forwarded-for"), trusted);
  if (client) headers.set("x-forwarded-for", client);
  else headers.delete("x-forwarded-for");
  return new Request(request, { headers });
}
