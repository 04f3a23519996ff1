import { normalizeHostname } from "@port443/scanner/hostname";

export interface Target {
  host: string;
  port: number;
}

export class UsageError extends Error {
  override name = "UsageError";
}

/** `host`, `host:port`, `[v6]`, `[v6]:port`, or a bare IPv6 address. */
export function parseTarget(input: string): Target {
  const text = input.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const colons = text.split(":").length - 1;
  const [rawHost, rawPort] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : colons > 1
      ? [text, undefined]
      : (text.split(":") as [string, string | undefined]);
  const port = rawPort === undefined ? 443 : Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UsageError(`invalid port in "${input}"`);
  try {
    return { host: normalizeHostname(rawHost), port };
  } catch {
    throw new UsageError(`invalid host in "${input}"`);
  }
}

/** The inverse of parseTarget: `host:port`, IPv6 addresses in brackets. */
export const formatTarget = ({ host, port }: Target): string =>
  `${host.includes(":") ? `[${host}]` : host}:${port}`;

/** curl-style `host:port:address` overrides. */
export function parseResolve(entries: string[]): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const entry of entries) {
    const match = /^([^:]+):(\d+):(.+)$/.exec(entry);
    if (!match) throw new UsageError(`--resolve expects host:port:address, got "${entry}"`);
    overrides.set(`${match[1]!.toLowerCase()}:${match[2]}`, match[3]!.replace(/^\[|\]$/g, ""));
  }
  return overrides;
}

/** One target per line; blank lines and # comments are skipped. */
export function parseTargetsFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
}
