import {
  ByteBudgetExhaustedError,
  boundedRequest,
  type RequestLimits,
  ResponseTooLargeError,
} from "@port443/net";
import { DerError } from "../der";
import { expiringCache } from "../expiring-cache";
import { type ParsedCrl, parseCrl } from "./crl-parse";

/** Let's Encrypt's shards are kilobytes; large CAs publish tens of megabytes, which we refuse to hold. */
export const CRL_MAX_BYTES = 10 * 1024 * 1024;
const MIN_TTL_MS = 60_000;
const MAX_TTL_MS = 24 * 3_600_000;
/** A CRL already past its nextUpdate is kept this long: the CA will not have a newer one sooner. */
const STALE_TTL_MS = 3_600_000;
/** An unreachable CRL is not asked for again by this process for this long. */
const FAILURE_TTL_MS = 5 * 60_000;
/** Parsed CRLs kept per process (least recently used out). */
const PARSED_CAPACITY = 256;

/**
 * A shared place for fetched CRL bytes until their nextUpdate: the worker fleet's Redis, so 10,000
 * domains behind one CA shard fetch it once. Each process also keeps parsed CRLs in memory.
 */
export interface CrlStore {
  get(url: string): Promise<Buffer | undefined>;
  set(url: string, der: Buffer, ttlMs: number): Promise<void>;
}

export type CrlErrorCode = "crl_unreachable" | "crl_too_large" | "crl_unparseable";

export type CrlLookup =
  | { ok: true; crl: ParsedCrl; cached: boolean }
  /** `budgetSpent`: the scan had no bytes left for it, which says nothing about the CRL. */
  | { ok: false; error: { code: CrlErrorCode; message: string }; budgetSpent?: true };

/** How long a CRL may be kept: until its nextUpdate, within bounds. */
export function crlTtlMs(crl: ParsedCrl, now: number): number {
  if (!crl.nextUpdate) return MIN_TTL_MS * 10;
  const untilNext = crl.nextUpdate.getTime() - now;
  return untilNext <= 0 ? STALE_TTL_MS : Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, untilNext));
}

/**
 * CRLs by URL: parsed ones from this process, then the shared store, then the network (through
 * the address policy, bounded in time and size). Concurrent scans asking for one URL share one
 * fetch.
 */
export class CrlSource {
  private readonly kept = expiringCache<CrlLookup>(PARSED_CAPACITY);
  /** Fetches made, for tests and metrics: a cached CRL makes none. */
  fetches = 0;

  constructor(private readonly store?: CrlStore) {}

  get(url: string, options: RequestLimits): Promise<CrlLookup> {
    const { value, kept } = this.kept.get(url, async () => {
      const lookup = await this.load(url, options);
      // One scan's spent budget must not keep the CRL from the next scan, another team's maybe.
      const keepMs = lookup.ok ? crlTtlMs(lookup.crl, Date.now()) : lookup.budgetSpent ? 0 : FAILURE_TTL_MS;
      return { value: lookup, keepMs };
    });
    return kept ? value.then((lookup) => (lookup.ok ? { ...lookup, cached: true } : lookup)) : value;
  }

  /**
   * The CRL when this process or the shared store already holds it, else undefined: never a
   * request to the CA, for probes that read revocation only when it is free.
   */
  async held(url: string): Promise<Extract<CrlLookup, { ok: true }> | undefined> {
    const kept = await this.kept.peek(url)?.catch(() => undefined);
    if (kept) return kept.ok ? { ...kept, cached: true } : undefined;
    const shared = await this.store?.get(url).catch(() => undefined);
    if (!shared) return undefined;
    let crl: ParsedCrl;
    try {
      crl = parseCrl(shared);
    } catch {
      return undefined;
    }
    // Parsed once here, then kept like a fetched one.
    this.kept.get(url, async () => ({
      value: { ok: true, crl, cached: true },
      keepMs: crlTtlMs(crl, Date.now()),
    }));
    return { ok: true, crl, cached: true };
  }

  private async load(url: string, options: RequestLimits): Promise<CrlLookup> {
    const shared = await this.store?.get(url).catch(() => undefined);
    if (shared) {
      try {
        return { ok: true, crl: parseCrl(shared), cached: true };
      } catch {
        // a damaged entry: fetch it again
      }
    }
    let der: Buffer;
    try {
      this.fetches++;
      const response = await boundedRequest(url, { ...options, maxBytes: CRL_MAX_BYTES });
      if (response.status !== 200) {
        return {
          ok: false,
          error: { code: "crl_unreachable", message: `${url} answered HTTP ${response.status}` },
        };
      }
      der = response.body;
    } catch (error) {
      if (error instanceof ByteBudgetExhaustedError) {
        return {
          ok: false,
          error: { code: "crl_too_large", message: `${url} not checked: ${error.message}` },
          budgetSpent: true,
        };
      }
      return error instanceof ResponseTooLargeError
        ? {
            ok: false,
            error: {
              code: "crl_too_large",
              message: `${url} is larger than ${CRL_MAX_BYTES / 1024 / 1024} MB; not checked`,
            },
          }
        : { ok: false, error: { code: "crl_unreachable", message: `${url}: ${(error as Error).message}` } };
    }
    let crl: ParsedCrl;
    try {
      crl = parseCrl(der);
    } catch (error) {
      const reason = error instanceof DerError ? error.message : String(error);
      return { ok: false, error: { code: "crl_unparseable", message: `${url} is not a CRL (${reason})` } };
    }
    await this.store?.set(url, der, crlTtlMs(crl, Date.now())).catch(() => undefined);
    return { ok: true, crl, cached: false };
  }
}
