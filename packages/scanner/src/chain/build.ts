import { type ParsedCertificate, parseCertificates, safeVerify } from "../certificate";
import { MAX_URLS_PER_CERTIFICATE } from "../scan-limits";
import type { TrustStore } from "./trust-store";

export interface ChainAnalysis {
  /** Leaf first; ends at the anchor when trusted. */
  path: ParsedCertificate[];
  trusted: boolean;
  anchor: ParsedCertificate | null;
  /** The anchor is one of the public (Mozilla) roots, not an extra CA. */
  publicAnchor: boolean;
  /** Intermediates the server should have sent but that had to be fetched (AIA) to reach an anchor. */
  fetched: ParsedCertificate[];
  /** The path ends at a certificate whose issuer is neither served, fetchable nor trusted. */
  untrustedIssuer: ParsedCertificate | null;
}

const MAX_DEPTH = 8;

/**
 * Builds the path from the leaf to a trust anchor: prefer an anchor at each step (shortest path,
 * so cross-signed extras the server sends do not matter), then a served certificate, then the
 * issuer named in the certificate's AIA caIssuers URL.
 */
export async function buildChain(
  served: ParsedCertificate[],
  store: TrustStore,
  fetchIssuer: (url: string) => Promise<Buffer | null>,
): Promise<ChainAnalysis> {
  const leaf = served[0];
  if (!leaf) throw new Error("no certificate served");
  const path = [leaf];
  const fetched: ParsedCertificate[] = [];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (store.has(current)) {
      return {
        path,
        trusted: true,
        anchor: current,
        publicAnchor: store.isPublic(current),
        fetched,
        untrustedIssuer: null,
      };
    }
    const anchor = store.anchorsFor(current).find((candidate) => safeVerify(current.x509, candidate.x509));
    if (anchor) {
      path.push(anchor);
      return {
        path,
        trusted: true,
        anchor,
        publicAnchor: store.isPublic(anchor),
        fetched,
        untrustedIssuer: null,
      };
    }
    if (current.selfSigned) break;
    const issuer =
      served.find(
        (candidate) =>
          candidate !== current && !path.includes(candidate) && safeVerify(current.x509, candidate.x509),
      ) ?? (await fetchFromAia(current, fetchIssuer));
    if (!issuer) break;
    if (!served.includes(issuer)) fetched.push(issuer);
    path.push(issuer);
    current = issuer;
  }
  return { path, trusted: false, anchor: null, publicAnchor: false, fetched, untrustedIssuer: current };
}

async function fetchFromAia(
  cert: ParsedCertificate,
  fetchIssuer: (url: string) => Promise<Buffer | null>,
): Promise<ParsedCertificate | undefined> {
  for (const url of cert.aiaCaIssuers.slice(0, MAX_URLS_PER_CERTIFICATE)) {
    const body = await fetchIssuer(url).catch(() => null);
    if (!body) continue;
    try {
      const issuer = parseCertificates(body).find((candidate) => safeVerify(cert.x509, candidate.x509));
      if (issuer) return issuer;
    } catch {
      // not a certificate (or a PKCS#7 bundle we do not read): try the next URL
    }
  }
  return undefined;
}
