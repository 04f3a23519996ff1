import type { OcspStatus } from "../ocsp";
import type { CrlCheck } from "./check-crl";

/** What the report says about revocation, and which mechanism decided it. */
export interface Revocation {
  status: "good" | "revoked" | "unknown";
  /** "crl" or "ocsp" (stapled or fetched); null when neither gave a verdict. */
  source: "crl" | "ocsp" | null;
  /** Every CRL consulted, leaf first, with its outcome. */
  crls: CrlCheck[];
}

/**
 * Revoked when any mechanism says so, for any certificate of the chain; good when the leaf has a
 * verdict from its CRL or OCSP; unknown otherwise. An unreachable or unverifiable CRL is no verdict:
 * it never makes a certificate look revoked, nor checked.
 */
export function revocationVerdict(
  ocsp: OcspStatus | null,
  crls: CrlCheck[],
  leafSubject: string,
): Revocation {
  if (crls.some((check) => check.outcome === "revoked")) return { status: "revoked", source: "crl", crls };
  if (ocsp === "revoked") return { status: "revoked", source: "ocsp", crls };
  const leafCrl = crls.find((check) => check.certificate === leafSubject);
  if (leafCrl?.outcome === "good") return { status: "good", source: "crl", crls };
  if (ocsp === "good") return { status: "good", source: "ocsp", crls };
  return { status: "unknown", source: null, crls };
}
