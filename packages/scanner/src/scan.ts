import { setMaxListeners } from "node:events";
import { type AddressPolicy, allowAllAddresses, assertAllowed, ByteBudget } from "@port443/net";
import type { Analysis } from "./analysis";
import type { AcmeDirectories } from "./ari/directory-for";
import type { RenewalInfoSource } from "./ari/renewal-info";
import { storeFor } from "./chain/store-for";
import type { TrustStore } from "./chain/trust-store";
import { type CipherSuite, cipherSuiteByName } from "./data/cipher-suites";
import { computeGrade } from "./grade/compute";
import { matchesHostname } from "./hostname";
import { scanErrorOf } from "./net/scan-error";
import { ocspStatus } from "./ocsp";
import { type ProtocolId, protocolIds } from "./protocols";
import type { AddressResult, ScanReport } from "./report";
import { analysedReport, failedReport, noProtocols, type ReportTarget } from "./report-build";
import { MAX_ADDRESSES, resolveHost } from "./resolve";
import type { CrlSource } from "./revocation/crl-source";
import { revocationVerdict } from "./revocation/verdict";
import { evaluateRules } from "./rules/evaluate";
import { FETCH_BUDGET_BYTES } from "./scan-limits";
import { certificatesAndChain } from "./steps/chain";
import { connect } from "./steps/connect";
import { analysisSteps } from "./steps/list";
import { renewalOfLeaf } from "./steps/renewal";
import type { Established, StepFields } from "./steps/types";
import { watch } from "./watch/watch";

export interface ScanOptions {
  host: string;
  port?: number;
  /** SNI and the name the certificate must cover; defaults to `host`. */
  servername?: string;
  /** Connect here instead of resolving `host` (curl's --resolve). */
  address?: string;
  /** Scan every address `host` resolves to (at most 8), not just the first. */
  allAddresses?: boolean;
  /** Extra trust anchors (PEM), added to the Mozilla root store. */
  extraCaPems?: string[];
  /** A prepared store (reused across scans); wins over `extraCaPems`. */
  trustStore?: TrustStore;
  /** Which addresses may be contacted (the target, and fetches unless `fetchPolicy` is given); the CLI allows all. */
  policy?: AddressPolicy;
  /**
   * Where AIA, OCSP, CRL and ARI fetches may go: URLs the certificate names, so a service keeps
   * them strict even where its scan targets are allow-listed. `policy` by default.
   */
  fetchPolicy?: AddressPolicy;
  /** Bytes those fetches may take together over the whole scan (16 MB by default). */
  fetchBudgetBytes?: number;
  /** Upper bound for the whole scan of one target. */
  timeoutMs?: number;
  /**
   * The watch probe (`watch()`): one read per address, certificate, chain and validity only (no
   * enumeration, no grade). Without remembered modes each address is read both ways.
   */
  quick?: boolean;
  /** Parallel connections to one address during enumeration. */
  connectionsPerAddress?: number;
  signal?: AbortSignal;
  /**
   * ACME Renewal Information: directories for issuers (beyond the built-in public CAs) and where
   * answers are kept (this process's memory by default).
   */
  acme?: { directories?: AcmeDirectories; source?: RenewalInfoSource };
  /** Where CRLs come from (and are kept); the process's own memory by default. */
  crls?: CrlSource;
  /** Clock, for tests. */
  now?: Date;
  /** Resolver, for tests; the system resolver (hosts file, internal DNS) by default. */
  resolve?: (host: string) => Promise<string[]>;
}

const STEP_TIMEOUT_MS = 5_000;
const FETCH_TIMEOUT_MS = 3_000;

/**
 * Scans one target: resolves it, checks every address against the policy, and analyses the first
 * address (or each, with `allAddresses`). Never throws for anything the network or the server
 * does; failures come back as `error` in the report.
 */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  if (options.quick) {
    const { report } = await watch({
      ...options,
      addresses: options.address ? [options.address] : undefined,
      maxAddresses: options.allAddresses ? MAX_ADDRESSES : 1,
    });
    return report;
  }
  const started = Date.now();
  const host = options.host.replace(/^\[|\]$/g, "").toLowerCase();
  const servername = (options.servername ?? host).toLowerCase();
  const deadline = started + (options.timeoutMs ?? 20_000);
  const budget = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([budget, options.signal]) : budget;
  // Every probe connection listens for the abort: dozens at once are expected, not a leak.
  setMaxListeners(256, signal);
  const where = (ip: string | null): ReportTarget => ({
    host: options.host,
    port: options.port ?? 443,
    servername,
    ip,
    started,
  });

  let addresses: string[];
  try {
    addresses = options.address ? [options.address] : await resolveHost(host, options.resolve);
  } catch (error) {
    return failedReport(where(null), scanErrorOf(error));
  }
  const selected = options.allAddresses ? addresses.slice(0, MAX_ADDRESSES) : addresses.slice(0, 1);
  // One budget for the whole scan, whichever address or step fetches.
  const fetch: Established["fetch"] = {
    policy: options.fetchPolicy ?? options.policy ?? allowAllAddresses,
    budget: new ByteBudget(options.fetchBudgetBytes ?? FETCH_BUDGET_BYTES),
  };
  const reports = await Promise.all(
    selected.map((address) => scanAddress({ ...options, host }, where(address), signal, deadline, fetch)),
  );
  const primary = reports[0]!;
  primary.addresses = reports.map(
    (report): AddressResult => ({
      ip: report.target.ip,
      grade: report.grade,
      fingerprintSha256: report.certificate?.fingerprintSha256 ?? null,
      protocols: report.error ? null : report.protocols,
      error: report.error,
    }),
  );
  primary.durationMs = Date.now() - started;
  return primary;
}

/**
 * One address, step by step: connect (handshake beside enumeration), the chain, then the
 * analysis steps side by side, then rules and grade over what they filled in.
 */
async function scanAddress(
  options: ScanOptions,
  target: ReportTarget,
  signal: AbortSignal,
  deadline: number,
  fetch: Established["fetch"],
): Promise<ScanReport> {
  const address = target.ip!;
  const policy = options.policy ?? allowAllAddresses;
  const now = options.now ?? new Date();
  /** Each network step gets its own bound, never past the scan's deadline. */
  const remaining = (limit = STEP_TIMEOUT_MS) => Math.max(1, Math.min(limit, deadline - Date.now()));
  try {
    assertAllowed(policy, address);
  } catch (error) {
    // The address stays in the operator's log, never in a tenant's report: a name that resolves
    // to an internal address must not tell the tenant which one.
    return failedReport({ ...target, ip: null }, scanErrorOf(error));
  }

  const connection = await connect({
    address,
    port: target.port,
    servername: target.servername,
    signal,
    host: options.host,
    enumerate: { concurrency: options.connectionsPerAddress ?? 4 },
    remaining,
  });
  const { handshake, enumeration, http, incomplete } = connection;
  if (handshake instanceof Error) {
    const report = failedReport(target, scanErrorOf(handshake));
    if (enumeration) {
      report.protocols = enumeration.protocols;
      report.ciphers = enumeration.ciphers;
    }
    return report;
  }

  const store = storeFor(options);
  const certificates = await certificatesAndChain(handshake.certificates, store, {
    ...fetch,
    timeoutMs: remaining(FETCH_TIMEOUT_MS),
    signal,
  });
  if (certificates instanceof Error)
    return failedReport(target, { code: "tls_handshake_failed", message: certificates.message });
  const { served, chain } = certificates;
  const leaf = served[0]!;
  const stapled = handshake.ocspResponse ? ocspStatus(handshake.ocspResponse, leaf) : null;

  const established: Established = {
    options,
    address,
    port: target.port,
    servername: target.servername,
    fetch,
    now,
    signal,
    remaining,
    handshake,
    enumeration,
    http,
    leaf,
    chain,
    stapled,
  };
  // What a step that does not run (or fails) leaves: the staple alone, the lifetime's renewal point.
  const fields: StepFields = {
    ocsp: { stapled: handshake.ocspResponse !== null, status: stapled, source: stapled ? "stapled" : null },
    revocation: revocationVerdict(stapled, [], leaf.info(now).subject),
    renewal: renewalOfLeaf(leaf, null),
    ari: null,
    vulnerabilities: [],
  };
  const outputs = await Promise.all(
    analysisSteps
      .filter((step) => step.applies(established))
      .map((step) =>
        step.run(established, remaining(step.budgetMs)).catch((error: Error) => ({
          fills: {},
          incomplete: [{ step: step.name, reason: `the step failed: ${error.message}` }],
        })),
      ),
  );
  for (const output of outputs) {
    Object.assign(fields, output.fills);
    incomplete.push(...(output.incomplete ?? []));
  }
  if (fetch.budget.exhausted) {
    incomplete.push({
      step: "fetches",
      reason: `AIA, OCSP, CRL and ARI fetches stopped at the scan's budget of ${fetch.budget.limitBytes} bytes`,
    });
  }

  const suites: Partial<Record<ProtocolId, CipherSuite[]>> = {};
  const cipherNames = enumeration?.ciphers ?? {};
  for (const protocol of protocolIds) {
    const names = cipherNames[protocol];
    if (names?.length)
      suites[protocol] = names
        .map((name) => cipherSuiteByName(name))
        .filter((suite): suite is CipherSuite => !!suite);
  }
  const analysis: Analysis = {
    ...fields,
    now,
    leaf,
    chain,
    leafTrustedDirectly: store.has(leaf),
    hostnameMatches: matchesHostname(target.servername, {
      dnsNames: leaf.dnsNames,
      ipAddresses: leaf.ipAddresses,
    }),
    protocols: enumeration?.protocols ?? {
      ...noProtocols(),
      ...(handshake.negotiated.protocol ? { [handshake.negotiated.protocol]: true } : {}),
    },
    suites,
    serverPreference: enumeration?.serverPreference ?? {},
    dhBits: enumeration?.dh?.primeBits ?? null,
    hsts: http ? http.hsts : undefined,
    incomplete,
    legacyExtensions: enumeration?.legacyExtensions ?? null,
  };
  const findings = evaluateRules(analysis);
  const grade = computeGrade(analysis, enumeration?.groups ?? []);
  return analysedReport(target, analysis, {
    findings,
    grade,
    ciphers: cipherNames,
    negotiated: handshake.negotiated,
  });
}
