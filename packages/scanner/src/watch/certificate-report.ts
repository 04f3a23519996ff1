import type { AddressPolicy, ByteBudget } from "@port443/net";
import type { Analysis } from "../analysis";
import type { TrustStore } from "../chain/trust-store";
import { matchesHostname } from "../hostname";
import { ocspStatus } from "../ocsp";
import type { ScanReport } from "../report";
import { analysedReport, failedReport, noProtocols, type ReportTarget } from "../report-build";
import { checkHeldCrls } from "../revocation/check-crl";
import type { CrlSource } from "../revocation/crl-source";
import { revocationVerdict } from "../revocation/verdict";
import { evaluateRules } from "../rules/evaluate";
import { certificatesAndChain } from "../steps/chain";
import { renewalOfLeaf } from "../steps/renewal";
import type { Read } from "./read";

const FETCH_TIMEOUT_MS = 3_000;

export interface ReportContext {
  store: TrustStore;
  /** Where AIA fetches may go, and the bytes all of the probe's fetches share. */
  fetch: { policy: AddressPolicy; budget: ByteBudget };
  crls: CrlSource;
  now: Date;
  signal: AbortSignal;
  remaining(limitMs?: number): number;
}

/**
 * The certificate-level report of one read: the chain built as a full scan builds it (a missing
 * intermediate fetched through AIA), revocation only from the staple or a CRL already held, the
 * renewal point from the lifetime, and the cert.* findings; no grade.
 */
export async function certificateReport(
  target: ReportTarget,
  read: Read,
  context: ReportContext,
): Promise<ScanReport> {
  const { store, fetch, now, signal } = context;
  const certificates = await certificatesAndChain(read.certificates, store, {
    ...fetch,
    timeoutMs: context.remaining(FETCH_TIMEOUT_MS),
    signal,
  });
  if (certificates instanceof Error)
    return failedReport(target, { code: "tls_handshake_failed", message: certificates.message });
  const { served, chain } = certificates;
  const leaf = served[0]!;
  const stapled = read.ocspResponse ? ocspStatus(read.ocspResponse, leaf) : null;
  const crls = await checkHeldCrls(chain.path, context.crls, now);
  const { protocol } = read.negotiated;
  const analysis: Analysis = {
    now,
    leaf,
    chain,
    leafTrustedDirectly: store.has(leaf),
    hostnameMatches: matchesHostname(target.servername, {
      dnsNames: leaf.dnsNames,
      ipAddresses: leaf.ipAddresses,
    }),
    protocols: { ...noProtocols(), ...(protocol ? { [protocol]: true } : {}) },
    suites: {},
    serverPreference: {},
    dhBits: null,
    hsts: read.http ? read.http.hsts : undefined,
    ocsp: { stapled: read.ocspResponse !== null, status: stapled, source: stapled ? "stapled" : null },
    revocation: revocationVerdict(stapled, crls, leaf.info(now).subject),
    renewal: renewalOfLeaf(leaf, null),
    ari: null,
    incomplete: fetch.budget.exhausted
      ? [
          {
            step: "fetches",
            reason: `AIA fetches stopped at the probe's budget of ${fetch.budget.limitBytes} bytes`,
          },
        ]
      : [],
    legacyExtensions: null,
    vulnerabilities: [],
  };
  // Only what one read can tell: protocol, suite and vulnerability rules need the full scan.
  const findings = evaluateRules(analysis).filter((finding) => finding.id.startsWith("cert."));
  return analysedReport(target, analysis, {
    findings,
    grade: null,
    ciphers: {},
    negotiated: read.negotiated,
  });
}
