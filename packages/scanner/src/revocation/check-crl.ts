import type { RequestLimits } from "@port443/net";
import type { ParsedCertificate } from "../certificate";
import { serialKey } from "./crl-parse";
import type { CrlErrorCode, CrlLookup, CrlSource } from "./crl-source";
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
  return judge(cert, issuer, url, await source.get(url, options), options.now);
}

/** What `lookup` (the CRL at `url`) says about `cert`, once it is known to come from `issuer`. */
function judge(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  url: string,
  lookup: CrlLookup,
  now: Date,
): CrlCheck {
  const base = {
    url,
    certificate: cert.info(now).subject,
    revokedAt: null,
    reason: null,
    stale: false,
    nextUpdate: null,
    cached: false,
  };
  if (!lookup.ok) return { ...base, outcome: "error", error: lookup.error };
  const { crl, cached } = lookup;
  const dated = {
    ...base,
    cached,
    nextUpdate: crl.nextUpdate?.toISOString() ?? null,
    stale: crl.nextUpdate !== null && crl.nextUpdate < now,
  };
  if (!crlSignedBy(crl, issuer.x509.publicKey)) {
    return {
      ...dated,
      outcome: "error",
      error: {
        code: "crl_bad_signature",
        message: `${url} is not signed by ${issuer.info(now).subject}`,
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

/** The path's certificates checked only on CRLs `source` already holds: no request to any CA. */
export async function checkHeldCrls(
  path: ParsedCertificate[],
  source: CrlSource,
  now: Date,
): Promise<CrlCheck[]> {
  const checks = await Promise.all(
    path.slice(0, -1).map(async (cert, index) => {
      const url = cert.crlUrls[0];
      const lookup = url ? await source.held(url) : undefined;
      return url && lookup ? judge(cert, path[index + 1]!, url, lookup, now) : null;
    }),
  );
  return checks.filter((check): check is CrlCheck => check !== null);
}
