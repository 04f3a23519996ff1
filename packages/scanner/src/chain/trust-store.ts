import { rootCertificates } from "node:tls";
import { type ParsedCertificate, parseCertificates } from "../certificate";

/** Trust anchors indexed by subject, so path building finds an issuer without scanning them all. */
export interface TrustStore {
  anchorsFor(cert: ParsedCertificate): ParsedCertificate[];
  /** Is this anchor one of Mozilla's (Node's bundled roots), rather than an extra CA? */
  isPublic(anchor: ParsedCertificate): boolean;
  has(cert: ParsedCertificate): boolean;
}

function index(certs: ParsedCertificate[]) {
  const bySubject = new Map<string, ParsedCertificate[]>();
  for (const cert of certs)
    bySubject.set(cert.x509.subject, [...(bySubject.get(cert.x509.subject) ?? []), cert]);
  return bySubject;
}

let mozilla: ParsedCertificate[] | undefined;
const mozillaRoots = () => {
  mozilla ??= rootCertificates.flatMap((pem) => parseCertificates(pem));
  return mozilla;
};

/** Node's Mozilla root store plus `extraCaPems` (private CAs); built once per distinct extra set by callers. */
export function createTrustStore(extraCaPems: string[] = []): TrustStore {
  const publicRoots = mozillaRoots();
  const publicFingerprints = new Set(publicRoots.map((root) => root.fingerprint));
  const extras = extraCaPems.flatMap((pem) => parseCertificates(pem));
  const all = [...publicRoots, ...extras];
  const fingerprints = new Set(all.map((cert) => cert.fingerprint));
  const bySubject = index(all);
  return {
    anchorsFor: (cert) => bySubject.get(cert.x509.issuer) ?? [],
    isPublic: (anchor) => publicFingerprints.has(anchor.fingerprint),
    has: (cert) => fingerprints.has(cert.fingerprint),
  };
}
