import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { type AddressPolicy, assertAllowed } from "./address-policy";
import type { ByteBudget } from "./byte-budget";
import { BlockedAddressError, ByteBudgetExhaustedError, ResponseTooLargeError } from "./errors";

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpOptions {
  policy: AddressPolicy;
  timeoutMs: number;
  maxBytes: number;
  method?: "GET" | "POST";
  body?: Buffer;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Shared by the requests of one job: once spent, they fail as too large. */
  budget?: ByteBudget;
}

/** What callers that make several requests for one job pass along to each. */
export type RequestLimits = Pick<HttpOptions, "policy" | "timeoutMs" | "signal" | "budget">;

/**
 * Resolves once, refuses addresses the policy forbids, and hands the connection exactly the
 * address it checked, so a second DNS answer (rebinding) cannot redirect it.
 */
function policyLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true })
      .then((addresses) => {
        const allowed = addresses.find((entry) => policy.check(entry.address).allowed);
        if (!allowed) {
          const first = addresses[0];
          const verdict = first ? policy.check(first.address) : undefined;
          throw new BlockedAddressError(
            first?.address ?? hostname,
            verdict && !verdict.allowed ? verdict : { kind: "invalid", reason: "no address" },
          );
        }
        if (options.all) callback(null, [allowed]);
        else callback(null, allowed.address, allowed.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, "", 0));
  };
}

const isIpLiteral = (host: string) => isIP(host.replace(/^\[|\]$/g, "")) !== 0;

/**
 * A small HTTP(S) GET or POST (AIA, OCSP, CRLs, ARI, webhooks): bounded in time and size, and
 * through the address policy, since certificates and users choose these URLs.
 */
export function boundedRequest(url: string, options: HttpOptions): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const parsed = new URL(url);
    const client = parsed.protocol === "https:" ? https : parsed.protocol === "http:" ? http : undefined;
    if (!client) return reject(new Error(`unsupported URL scheme ${parsed.protocol}`));
    const { budget } = options;
    if (budget?.exhausted) return reject(new ByteBudgetExhaustedError(budget.limitBytes));
    try {
      if (isIpLiteral(parsed.hostname))
        assertAllowed(options.policy, parsed.hostname.replace(/^\[|\]$/g, ""));
    } catch (error) {
      return reject(error);
    }
    const request = client.request(parsed, {
      method: options.method ?? "GET",
      headers: { "user-agent": "port443-scanner", ...options.headers },
      lookup: policyLookup(options.policy),
      timeout: options.timeoutMs,
      signal: options.signal,
      agent: false,
    });
    const deadline = setTimeout(
      () => request.destroy(new Error(`timeout after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.once("timeout", () => request.destroy(new Error(`timeout after ${options.timeoutMs} ms`)));
    request.once("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.once("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          request.destroy(new ResponseTooLargeError(options.maxBytes));
          return;
        }
        if (budget && !budget.take(chunk.length)) {
          request.destroy(new ByteBudgetExhaustedError(budget.limitBytes));
          return;
        }
        chunks.push(chunk);
      });
      response.once("end", () => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
      response.once("error", (error) => {
        clearTimeout(deadline);
        reject(error);
      });
    });
    request.end(options.body);
  });
}
