import { type Analysis, gradeSteps } from "./analysis";
import type { GradeResult } from "./grade/compute";
import type { HandshakeResult } from "./handshake";
import { type ProtocolId, protocolIds } from "./protocols";
import type { Finding, ScanError, ScanReport } from "./report";

export interface ReportTarget {
  host: string;
  port: number;
  servername: string;
  ip: string | null;
  started: number;
}

export const noProtocols = () =>
  Object.fromEntries(protocolIds.map((id) => [id, false])) as Record<ProtocolId, boolean>;

/** The report of a scan that got no certificate to analyse: the error says why. */
export function failedReport(target: ReportTarget, error: ScanError): ScanReport {
  const { started, ...where } = target;
  return {
    target: where,
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

/** The report of an analysed address: the Analysis in the JSON contract's shape. */
export function analysedReport(
  target: ReportTarget,
  analysis: Analysis,
  extras: {
    findings: Finding[];
    grade: GradeResult | null;
    ciphers: Partial<Record<ProtocolId, string[]>>;
    negotiated: HandshakeResult["negotiated"];
  },
): ScanReport {
  const { started, ...where } = target;
  const { grade } = extras;
  return {
    target: where,
    scannedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    grade: grade?.grade ?? null,
    gradeProvisional: grade !== null && analysis.incomplete.some((entry) => gradeSteps.test(entry.step)),
    gradeCaps: grade?.caps ?? [],
    score: grade?.score ?? null,
    certificate: analysis.leaf.info(analysis.now),
    renewal: {
      ...analysis.renewal,
      dueAt: analysis.renewal.dueAt.toISOString(),
      overdueAt: analysis.renewal.overdueAt.toISOString(),
      ari: analysis.ari,
    },
    chain: analysis.chain.path.map((cert) => cert.info(analysis.now)),
    trusted: analysis.chain.trusted || analysis.leafTrustedDirectly,
    hostnameMatches: analysis.hostnameMatches,
    protocols: analysis.protocols,
    ciphers: extras.ciphers,
    negotiated: extras.negotiated,
    hsts: analysis.hsts ?? null,
    ocsp: analysis.ocsp,
    revocation: analysis.revocation,
    findings: extras.findings,
    vulnerabilities: analysis.vulnerabilities,
    incomplete: analysis.incomplete,
    addresses: [],
    error: null,
  };
}
