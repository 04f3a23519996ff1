import { ByteBudgetExhaustedError, boundedRequest, type RequestLimits } from "@port443/net";
import { z } from "zod";
import type { ParsedCertificate } from "../certificate";
import { expiringCache } from "../expiring-cache";

/** What the CA said through ACME Renewal Information (RFC 9773), or why it said nothing. */
export type RenewalInfoLookup =
  | { ok: true; start: Date; end: Date; explanationUrl: string | null; cached: boolean }
  | { ok: false; error: string };

const MAX_BYTES = 64 * 1024;
/** RFC 9773's example clamps: ask again no sooner than a minute, no later than a day. */
const MIN_RETRY_MS = 60_000;
const MAX_RETRY_MS = 86_400_000;
/** Without a Retry-After, and after a failure, the RFC suggests about six hours. */
const DEFAULT_RETRY_MS = 6 * 3_600_000;
const DIRECTORY_TTL_MS = 86_400_000;
const CAPACITY = 10_000;
const DIRECTORY_CAPACITY = 100;

const directorySchema = z.object({ renewalInfo: z.url() });
const renewalInfoSchema = z.object({
  suggestedWindow: z.object({
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
  }),
  explanationURL: z.url().optional(),
});

const base64url = (bytes: Buffer) => bytes.toString("base64url"); // Node's base64url has no padding

/** RFC 9773 §4.1: base64url(AKI keyIdentifier) "." base64url(serial's DER content, leading zero kept). */
export function renewalInfoId(cert: ParsedCertificate): string | undefined {
  return cert.authorityKeyId ? `${base64url(cert.authorityKeyId)}.${base64url(cert.serial)}` : undefined;
}

/** Retry-After as seconds or an HTTP date, clamped; the default when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number): number {
  const value = Array.isArray(header) ? header[0] : header;
  const ms = !value
    ? Number.NaN
    : /^\d+$/.test(value.trim())
      ? Number(value) * 1000
      : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, ms)) : DEFAULT_RETRY_MS;
}

/**
 * ARI answers per certificate, kept until the Retry-After the CA sent (failures for six hours),
 * and directory objects per URL for a day; every request goes through the address policy and is
 * bounded in time and size.
 */
export class RenewalInfoSource {
  private readonly directories = expiringCache<string>(DIRECTORY_CAPACITY);
  private readonly answers = expiringCache<RenewalInfoLookup>(CAPACITY);
  /** Requests made, for tests: a kept answer makes none. */
  requests = 0;

  lookup(cert: ParsedCertificate, directory: string, options: RequestLimits): Promise<RenewalInfoLookup> {
    const id = renewalInfoId(cert);
    if (!id) return Promise.resolve({ ok: false, error: "the certificate has no authority key identifier" });
    const { value, kept } = this.answers.get(`${directory} ${id}`, () => this.fetch(directory, id, options));
    return kept ? value.then((answer) => (answer.ok ? { ...answer, cached: true } : answer)) : value;
  }

  private async renewalInfoUrl(directory: string, options: RequestLimits): Promise<string> {
    return this.directories.get(directory, async () => {
      this.requests++;
      const response = await boundedRequest(directory, { ...options, maxBytes: MAX_BYTES });
      if (response.status !== 200) throw new Error(`the directory answered HTTP ${response.status}`);
      const parsed = directorySchema.safeParse(JSON.parse(response.body.toString("utf8")));
      if (!parsed.success) throw new Error("the directory names no renewalInfo URL");
      return { value: parsed.data.renewalInfo.replace(/\/+$/, ""), keepMs: DIRECTORY_TTL_MS };
    }).value;
  }

  private async fetch(
    directory: string,
    id: string,
    options: RequestLimits,
  ): Promise<{ value: RenewalInfoLookup; keepMs: number }> {
    // Asked again after the RFC's default wait, unless the scan's own budget was spent: that says
    // nothing about the CA, and the next scan (another team's maybe) must ask.
    const failed = (error: string, cause?: unknown) => ({
      value: { ok: false as const, error },
      keepMs: cause instanceof ByteBudgetExhaustedError ? 0 : DEFAULT_RETRY_MS,
    });
    let url: string;
    try {
      url = `${await this.renewalInfoUrl(directory, options)}/${id}`;
    } catch (error) {
      return failed(`${directory}: ${(error as Error).message}`, error);
    }
    try {
      this.requests++;
      const response = await boundedRequest(url, { ...options, maxBytes: MAX_BYTES });
      if (response.status !== 200) return failed(`${url} answered HTTP ${response.status}`);
      const parsed = renewalInfoSchema.safeParse(JSON.parse(response.body.toString("utf8")));
      if (!parsed.success) return failed(`${url} sent no suggestedWindow`);
      const start = new Date(parsed.data.suggestedWindow.start);
      const end = new Date(parsed.data.suggestedWindow.end);
      // RFC 9773 §4.2: a window that ends before it starts is no answer.
      if (end <= start) return failed(`${url} sent a window that ends before it starts`);
      return {
        value: { ok: true, start, end, explanationUrl: parsed.data.explanationURL ?? null, cached: false },
        keepMs: retryAfterMs(response.headers["retry-after"], Date.now()),
      };
    } catch (error) {
      return failed(`${url}: ${(error as Error).message}`, error);
    }
  }
}
