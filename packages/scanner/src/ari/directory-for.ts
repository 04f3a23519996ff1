import type { ParsedCertificate } from "../certificate";
import { knownAcmeCas } from "./directories";

/**
 * ACME directories an operator or the CLI names: per issuing CA (the leaf's authority key id,
 * lower-case hex) or one for every certificate; PORT443_ACME_DIRECTORIES and `--acme-directory`.
 */
export interface AcmeDirectories {
  byIssuerKeyId: Record<string, string>;
  all?: string;
}

const organization = (cert: ParsedCertificate) => /^O=(.*)$/m.exec(cert.x509.issuer)?.[1]?.trim();

/**
 * The ACME directory whose ARI speaks for `cert`: a configured one for its issuer, else the
 * configured catch-all, else a publicly trusted ACME CA that issued it. Only the CA that issued
 * a certificate knows it (Boulder answers 404 for others), so unknown issuers get none.
 */
export function directoryFor(cert: ParsedCertificate, configured?: AcmeDirectories): string | undefined {
  const keyId = cert.authorityKeyId?.toString("hex");
  if (keyId && configured?.byIssuerKeyId[keyId]) return configured.byIssuerKeyId[keyId];
  if (configured?.all) return configured.all;
  const issuer = organization(cert);
  return knownAcmeCas.find(
    (ca) => (keyId !== undefined && ca.issuerKeyIds.includes(keyId)) || issuer === ca.issuerOrganization,
  )?.directory;
}
