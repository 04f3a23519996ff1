import type { RequestLimits } from "@port443/net";
import type { ParsedCertificate } from "../certificate";
import { serialKey } from "./crl-parse";
import type { CrlErrorCode, CrlSource } from "./crl-source";
import { crlSignedBy } from "./crl-verify";

/** One certificate looked up on its CA's CRL. */
export interface CrlCheck {
  url: string;
  /** Subject of the certificate checked: the leaf or an intermediate. */
  certificate: string;
  /** "error": no verdict (unreachable, too large, not signed by the issuer, another scope); never "revoked". */
  outcome: "good" | "revoked" | "error";
  revokedAt: string | null;
  /** CRLReason, e.g. "keyCompromise"; null when the CA gave none. */
  reason: string | null;
  /** The CRL is past its nextUpdate: the CA has not published a fresh one. */
  stale: boolean;
  nextUpdate: string | null;
  /** This scan made no request for it (kept from an earlier scan, in this process or the fleet's store). */
  cached: boolean;
  error: { code: CrlErrorCode | "crl_bad_signature" | "crl_wrong_scope"; message: string } | null;
}

/**
 * Looks `cert` up on the first HTTP CRL its distribution points name, verifying the CRL against
 * `issuer` (signature, Issuing Distribution Point) first. Null when the certificate names no CRL.
 */
export async function checkCrl(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  source: CrlSource,
  options: RequestLimits & { now: Date },
): Promise<CrlCheck | null> {
  const url = cert.crlUrls[0];
  if (!url) return null;
  const base = {
    url,
    certificate: cert.info(options.now).subject,
    revokedAt: null,
    reason: null,
    stale: false,
    nextUpdate: null,
    cached: false,
  };
  const lookup = await source.get(url, options);
  if (!lookup.ok) return { ...base, outcome: "error", error: lookup.error };
  const { crl, cached } = lookup;
  const dated = {
    ...base,
    cached,
    nextUpdate: crl.nextUpdate?.toISOString() ?? null,
    stale: crl.nextUpdate !== null && crl.nextUpdate < options.now,
  };
  if (!crlSignedBy(crl, issuer.x509.publicKey)) {
    return {
      ...dated,
      outcome: "error",
      error: {
        code: "crl_bad_signature",
        message: `${url} is not signed by ${issuer.info(options.now).subject}`,
      },
    };
  }
  if (crl.distributionPointUrls && !crl.distributionPointUrls.includes(url)) {
    return {
      ...dated,
      outcome: "error",
      error: {
        code: "crl_wrong_scope",
        message: `${url} says it is the CRL of ${crl.distributionPointUrls.join(", ") || "another distribution point"}`,
      },
    };
  }
  const entry = crl.revoked.get(serialKey(cert.serial));
  return entry
    ? {
        ...dated,
        outcome: "revoked",
        revokedAt: entry.revokedAt.toISOString(),
        reason: entry.reason,
        error: null,
      }
    : { ...dated, outcome: "good", error: null };
}

/** Every certificate of the path checked against its issuer's CRL (the anchor has no issuer here). */
export async function checkPathCrls(
  path: ParsedCertificate[],
  source: CrlSource,
  options: RequestLimits & { now: Date },
): Promise<CrlCheck[]> {
  const checks = await Promise.all(
    path.slice(0, -1).map((cert, index) => checkCrl(cert, path[index + 1]!, source, options)),
  );
  return checks.filter((check): check is CrlCheck => check !== null);
}
