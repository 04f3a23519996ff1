import { setMaxListeners } from "node:events";
import { allowAllAddresses, assertAllowed, ByteBudget } from "@port443/net";
import { storeFor } from "../chain/store-for";
import { scanErrorOf } from "../net/scan-error";
import type { AddressResult, Negotiated, ScanReport } from "../report";
import { failedReport, type ReportTarget } from "../report-build";
import { MAX_ADDRESSES, resolveHost } from "../resolve";
import { processCrlSource } from "../revocation/crl-source-default";
import { FETCH_BUDGET_BYTES } from "../scan-limits";
import { certificateReport, type ReportContext } from "./certificate-report";
import { readAddress } from "./probe-address";
import type { ReadTarget } from "./read";
import { fingerprintOf, visibleSignature } from "./signature";
import type { WatchedAddress, WatchOptions, WatchResult } from "./types";

const DEFAULT_TIMEOUT_MS = 20_000;
/** Each read's own bound, never past the probe's deadline. */
const READ_TIMEOUT_MS = 5_000;

const notNegotiated: Negotiated = { protocol: null, cipher: null, group: null, alpn: null };

/** An address that gave no read: what its report says went wrong. */
const unread = (report: ScanReport): WatchedAddress => ({
  ip: report.target.ip,
  mode: null,
  error: report.error,
  chain: [],
  negotiated: notNegotiated,
  hsts: undefined,
  signature: null,
  report,
});

/**
 * The watch probe: every address of the target read the cheapest way it allows (see WatchMode),
 * each with a signature of what it showed, and the certificate-level report of the first address
 * that answered. Never throws for anything the network or the server does.
 */
export async function watch(options: WatchOptions): Promise<WatchResult> {
  const started = Date.now();
  const host = options.host.replace(/^\[|\]$/g, "").toLowerCase();
  const servername = (options.servername ?? host).toLowerCase();
  const port = options.port ?? 443;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = started + timeoutMs;
  const budget = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([budget, options.signal]) : budget;
  setMaxListeners(64, signal);
  const where = (ip: string | null): ReportTarget => ({ host: options.host, port, servername, ip, started });
  const finish = (addresses: WatchedAddress[], report: ScanReport): WatchResult => {
    report.durationMs = Date.now() - started;
    return { addresses, report, durationMs: report.durationMs };
  };

  let ips: string[];
  try {
    ips =
      options.addresses ??
      (await resolveHost(host, options.resolve)).slice(0, options.maxAddresses ?? MAX_ADDRESSES);
  } catch (error) {
    return finish([], failedReport(where(null), scanErrorOf(error)));
  }
  if (!ips.length)
    return finish([], failedReport(where(null), { code: "dns_not_found", message: "no address to probe" }));
  const policy = options.policy ?? allowAllAddresses;
  const context: ReportContext = {
    store: storeFor(options),
    // One budget for the whole probe, whichever address fetches.
    fetch: {
      policy: options.fetchPolicy ?? policy,
      budget: new ByteBudget(options.fetchBudgetBytes ?? FETCH_BUDGET_BYTES),
    },
    crls: options.crls ?? processCrlSource,
    now: options.now ?? new Date(),
    signal,
    remaining: (limit = READ_TIMEOUT_MS) => Math.max(1, Math.min(limit, deadline - Date.now())),
  };

  const addresses = await Promise.all(
    ips.map(async (ip): Promise<WatchedAddress> => {
      try {
        assertAllowed(policy, ip);
      } catch (error) {
        // Withheld from the report, as scan() does: which internal address a name resolves to is
        // the operator's to know, not the tenant's.
        return unread(failedReport(where(null), scanErrorOf(error)));
      }
      const target: ReadTarget = {
        address: ip,
        port,
        servername,
        host,
        signal,
        remaining: context.remaining,
      };
      const outcome = await readAddress(target, options.modes?.[ip]);
      if ("failure" in outcome) return unread(failedReport(where(ip), scanErrorOf(outcome.failure)));
      const { mode, read } = outcome;
      const report = await certificateReport(where(ip), read, context);
      if (report.error) return unread(report);
      const visible = {
        mode,
        chain: read.certificates.map(fingerprintOf),
        negotiated: read.negotiated,
        hsts: read.http ? read.http.hstsValue : undefined,
      };
      return { ip, error: null, ...visible, signature: visibleSignature(visible), report };
    }),
  );

  const answered = addresses.find((address) => address.error === null) ?? addresses[0]!;
  const report = { ...answered.report };
  report.addresses = addresses.map(
    ({ report: own }): AddressResult => ({
      ip: own.target.ip,
      grade: null,
      fingerprintSha256: own.certificate?.fingerprintSha256 ?? null,
      protocols: own.error ? null : own.protocols,
      error: own.error,
    }),
  );
  return finish(addresses, report);
}
