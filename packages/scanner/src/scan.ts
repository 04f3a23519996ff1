import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { type AddressPolicy, assertAllowed, BlockedAddressError, boundedRequest } from "@port443/net";
import { type Analysis, gradeSteps } from "./analysis";
import type { AcmeDirectories } from "./ari/directory-for";
import { lookupAri } from "./ari/lookup";
import type { RenewalInfoSource } from "./ari/renewal-info";
import { type ParsedCertificate, parseCertificate } from "./certificate";
import { buildChain } from "./chain/build";
import { createTrustStore, type TrustStore } from "./chain/trust-store";
import { type CipherSuite, cipherSuiteByName } from "./data/cipher-suites";
import { enumerate } from "./enumerate";
import type { IncompleteStep } from "./enumerate/types";
import { renewalOf } from "./expiry";
import { computeGrade } from "./grade/compute";
import { handshakeAndHsts } from "./handshake-hsts";
import { matchesHostname } from "./hostname";
import type { HttpHeaders } from "./hsts";
import { legacyHandshake } from "./legacy-handshake";
import { ScanFailure, toScanFailure } from "./net/scan-error";
import { fetchOcspStatus, ocspStatus } from "./ocsp";
import { type ProtocolId, protocolIds } from "./protocols";
import type { AddressResult, ScanError, ScanReport, VulnResult } from "./report";
import { checkPathCrls } from "./revocation/check-crl";
import type { CrlSource } from "./revocation/crl-source";
import { processCrlSource } from "./revocation/crl-source-default";
import { revocationVerdict } from "./revocation/verdict";
import { evaluateRules } from "./rules/evaluate";
import { vulnChecks } from "./vuln/checks";
import { runVulnChecks } from "./vuln/run";

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
  /** Which addresses may be contacted (target, AIA and OCSP fetches); the CLI allows all. */
  policy?: AddressPolicy;
  /** Upper bound for the whole scan of one target. */
  timeoutMs?: number;
  /** One handshake: certificate, chain and validity only (no protocol or cipher enumeration). */
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

const MAX_ADDRESSES = 8;
const STEP_TIMEOUT_MS = 5_000;
const FETCH_TIMEOUT_MS = 3_000;
const allowAll: AddressPolicy = { check: () => ({ allowed: true }) };

let defaultStore: TrustStore | undefined;
/** The Mozilla store is parsed once per process; extra CAs get a store of their own. */
function storeFor(options: ScanOptions): TrustStore {
  if (options.trustStore) return options.trustStore;
  if (options.extraCaPems?.length) return createTrustStore(options.extraCaPems);
  defaultStore ??= createTrustStore();
  return defaultStore;
}

const systemResolve = async (host: string) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

const noProtocols = () =>
  Object.fromEntries(protocolIds.map((id) => [id, false])) as Record<ProtocolId, boolean>;

function emptyReport(
  options: ScanOptions,
  servername: string,
  ip: string | null,
  started: number,
  error: ScanError,
): ScanReport {
  return {
    target: { host: options.host, port: options.port ?? 443, servername, ip },
    scannedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    grade: null,
    gradeProvisional: false,
    gradeCaps: [],
    score: null,
    certificate: null,
    renewal: null,
    chain: [],
    trusted: false,
    hostnameMatches: false,
    protocols: noProtocols(),
    ciphers: {},
    negotiated: { protocol: null, cipher: null, group: null, alpn: null },
    hsts: null,
    ocsp: { stapled: false, status: null, source: null },
    revocation: { status: "unknown", source: null, crls: [] },
    findings: [],
    vulnerabilities: [],
    incomplete: [],
    addresses: [],
    error,
  };
}

async function resolveAddresses(options: ScanOptions, host: string): Promise<string[]> {
  if (options.address) return [options.address];
  if (isIP(host)) return [host];
  try {
    const addresses = await (options.resolve ?? systemResolve)(host);
    if (!addresses.length) throw new Error("no addresses");
    return addresses;
  } catch (error) {
    throw new ScanFailure(
      "dns_not_found",
      `${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/**
 * Scans one target: resolves it, checks every address against the policy, and analyses the first
 * address (or each, with `allAddresses`). Never throws for anything the network or the server
 * does; failures come back as `error` in the report.
 */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  const started = Date.now();
  const host = options.host.replace(/^\[|\]$/g, "").toLowerCase();
  const servername = (options.servername ?? host).toLowerCase();
  const deadline = started + (options.timeoutMs ?? 20_000);
  const budget = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([budget, options.signal]) : budget;

  let addresses: string[];
  try {
    addresses = await resolveAddresses(options, host);
  } catch (error) {
    return emptyReport(options, servername, null, started, failure(error));
  }
  const selected = options.allAddresses ? addresses.slice(0, MAX_ADDRESSES) : addresses.slice(0, 1);
  const reports = await Promise.all(
    selected.map((address) =>
      scanAddress({ ...options, host }, servername, address, signal, started, deadline),
    ),
  );
  const primary = reports[0]!;
  primary.addresses = reports.map(
    (report): AddressResult => ({
      ip: report.target.ip!,
      grade: report.grade,
      fingerprintSha256: report.certificate?.fingerprintSha256 ?? null,
      protocols: report.error ? null : report.protocols,
      error: report.error,
    }),
  );
  primary.durationMs = Date.now() - started;
  return primary;
}

/** BREACH needs no probe of its own: the HSTS request already offers gzip, deflate and br. */
function breachOf(http: HttpHeaders | undefined): VulnResult {
  if (!http) return { id: "vuln.breach", status: "not_run", detail: "The endpoint does not answer HTTP." };
  return http.contentEncoding
    ? {
        id: "vuln.breach",
        status: "vulnerable",
        detail: `GET / offering gzip, deflate and br came back with Content-Encoding: ${http.contentEncoding}; pages that reflect input next to secrets can leak them (BREACH).`,
      }
    : {
        id: "vuln.breach",
        status: "ok",
        detail: "GET / offering gzip, deflate and br came back uncompressed.",
      };
}

function failure(error: unknown): ScanError {
  if (error instanceof BlockedAddressError) return { code: "blocked_address", message: error.message };
  const scanFailure = toScanFailure(error);
  return { code: scanFailure.code, message: scanFailure.message };
}

async function scanAddress(
  options: ScanOptions,
  servername: string,
  address: string,
  signal: AbortSignal,
  started: number,
  deadline: number,
): Promise<ScanReport> {
  const policy = options.policy ?? allowAll;
  const port = options.port ?? 443;
  const now = options.now ?? new Date();
  /** Each network step gets its own bound, never past the scan's deadline. */
  const remaining = (limit = STEP_TIMEOUT_MS) => Math.max(1, Math.min(limit, deadline - Date.now()));
  try {
    assertAllowed(policy, address);
  } catch (error) {
    return emptyReport(options, servername, address, started, failure(error));
  }

  const target = { address, port, servername, timeoutMs: remaining(), signal };
  const [{ handshake: handshakeResult, http }, enumerated] = await Promise.all([
    handshakeAndHsts(target, options.quick ? undefined : options.host, remaining),
    options.quick
      ? undefined
      : enumerate({ ...target, concurrency: options.connectionsPerAddress ?? 4 }).catch(
          (error: Error) => error,
        ),
  ]);
  // A quick probe leaves enumeration out by design; a full scan whose enumeration failed knows
  // no protocol but the one its handshake negotiated.
  const enumeration = enumerated instanceof Error ? undefined : enumerated;
  const incomplete: IncompleteStep[] =
    enumerated instanceof Error
      ? protocolIds.map((protocol) => ({
          step: `protocol.${protocol}`,
          reason: `enumeration failed: ${enumerated.message}`,
        }))
      : (enumerated?.incomplete ?? []);
  const connected =
    handshakeResult instanceof Error && enumeration
      ? ((await legacyHandshake({ ...target, timeoutMs: remaining() }, enumeration).catch(() => null)) ??
        handshakeResult)
      : handshakeResult;
  if (connected instanceof Error) {
    const report = emptyReport(options, servername, address, started, failure(connected));
    if (enumeration) {
      report.protocols = enumeration.protocols;
      report.ciphers = enumeration.ciphers;
    }
    return report;
  }

  let served: ParsedCertificate[];
  try {
    served = connected.certificates.map((cert) => parseCertificate(cert));
  } catch (error) {
    return emptyReport(options, servername, address, started, {
      code: "tls_handshake_failed",
      message: `the server sent a certificate that cannot be parsed (${(error as Error).message})`,
    });
  }
  const leaf = served[0]!;
  const store = storeFor(options);
  const fetchOptions = { policy, timeoutMs: remaining(FETCH_TIMEOUT_MS), signal };
  const chain = await buildChain(served, store, async (url) => {
    const response = await boundedRequest(url, { ...fetchOptions, maxBytes: 64 * 1024 });
    return response.status === 200 ? response.body : null;
  });
  const stapled = connected.ocspResponse ? ocspStatus(connected.ocspResponse, leaf) : null;
  const issuer: ParsedCertificate | undefined = chain.path[1];
  const [fetched, crls, ari, probed] = await Promise.all([
    stapled || options.quick || !issuer ? null : fetchOcspStatus(leaf, issuer, fetchOptions),
    options.quick
      ? []
      : checkPathCrls(chain.path, options.crls ?? processCrlSource, {
          policy,
          timeoutMs: remaining(),
          signal,
          now,
        }),
    options.quick
      ? null
      : lookupAri(leaf, options.acme, { policy, timeoutMs: remaining(FETCH_TIMEOUT_MS), signal }),
    enumeration
      ? runVulnChecks(
          vulnChecks,
          { ...target, timeoutMs: remaining() },
          { protocols: enumeration.protocols, ciphers: enumeration.ciphers },
          options.connectionsPerAddress ?? 4,
        )
      : null,
  ]);
  if (probed) incomplete.push(...probed.incomplete);

  const protocols = enumeration?.protocols ?? {
    ...noProtocols(),
    ...(connected.negotiated.protocol ? { [connected.negotiated.protocol]: true } : {}),
  };
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
    now,
    leaf,
    chain,
    leafTrustedDirectly: store.has(leaf),
    hostnameMatches: matchesHostname(servername, { dnsNames: leaf.dnsNames, ipAddresses: leaf.ipAddresses }),
    protocols,
    suites,
    serverPreference: enumeration?.serverPreference ?? {},
    dhBits: enumeration?.dh?.primeBits ?? null,
    hsts: http ? http.hsts : undefined,
    ocsp: { stapled: connected.ocspResponse !== null, status: stapled ?? fetched },
    revocation: revocationVerdict(stapled ?? fetched, crls, leaf.info(now).subject),
    renewal: renewalOf(
      new Date(leaf.x509.validFrom),
      new Date(leaf.x509.validTo),
      ari?.window ? { start: new Date(ari.window.start), end: new Date(ari.window.end) } : null,
    ),
    ari,
    incomplete,
    legacyExtensions: enumeration?.legacyExtensions ?? null,
    vulnerabilities: probed ? [...probed.results, breachOf(http)] : [],
  };
  const findings = evaluateRules(analysis).filter(
    (finding) => !options.quick || finding.id.startsWith("cert."),
  );
  const grade = options.quick ? null : computeGrade(analysis, enumeration?.groups ?? []);

  return {
    target: { host: options.host, port, servername, ip: address },
    scannedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    grade: grade?.grade ?? null,
    gradeProvisional: grade !== null && incomplete.some((entry) => gradeSteps.test(entry.step)),
    gradeCaps: grade?.caps ?? [],
    score: grade?.score ?? null,
    certificate: leaf.info(now),
    renewal: {
      ...analysis.renewal,
      dueAt: analysis.renewal.dueAt.toISOString(),
      overdueAt: analysis.renewal.overdueAt.toISOString(),
      ari,
    },
    chain: chain.path.map((cert) => cert.info(now)),
    trusted: chain.trusted || analysis.leafTrustedDirectly,
    hostnameMatches: analysis.hostnameMatches,
    protocols,
    ciphers: cipherNames,
    negotiated: connected.negotiated,
    hsts: analysis.hsts ?? null,
    ocsp: {
      stapled: analysis.ocsp.stapled,
      status: analysis.ocsp.status,
      source: stapled ? "stapled" : fetched ? "fetched" : null,
    },
    revocation: analysis.revocation,
    findings,
    vulnerabilities: analysis.vulnerabilities,
    incomplete,
    addresses: [],
    error: null,
  };
}
