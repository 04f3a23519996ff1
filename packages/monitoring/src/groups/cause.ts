import type { AlertKind } from "@port443/db";

/** What the scan behind an alert says about its cause. */
export interface CauseContext {
  /** The address scanned (null when the name did not resolve). */
  address: string | null;
  /** The leaf certificate's fingerprint. */
  certificate: string | null;
  /** The issuing intermediate's fingerprint (the chain's second certificate). */
  intermediate: string | null;
  /** An intermediate its CA's CRL lists as revoked (revokedIntermediate), null when only the leaf is. */
  revokedIntermediate: string | null;
}

export interface GroupCause {
  /** The group's key: alerts of one team with the same key are delivered together. */
  key: string;
  /** What the domains share, in words. */
  label: string;
}

const short = (fingerprint: string) => fingerprint.slice(0, 16);

/**
 * The cause an alert shares with others of its team: the failing address (scans failing, a grade
 * dropped behind one load balancer), the certificate (expiry, renewal, revocation: the alert keys
 * already end in its fingerprint), the issuing intermediate, or the finding. The key keeps the
 * alert's own key (its kind and threshold), so a lower expiry threshold is a group of its own.
 */
export function groupCause(alert: { kind: AlertKind; key: string }, context: CauseContext): GroupCause {
  const finding = alert.key.split(":").slice(1).join(":");
  if (alert.kind === "scan_failing" || alert.kind === "grade_drop") {
    return context.address
      ? { key: `${alert.key}@${context.address}`, label: `address ${context.address}` }
      : { key: `${alert.key}@unresolved`, label: "names that do not resolve" };
  }
  if (finding === "cert.intermediate_expiring" && context.intermediate) {
    return {
      key: `${alert.key}@${context.intermediate}`,
      label: `intermediate certificate ${short(context.intermediate)}…`,
    };
  }
  // One finding covers a revoked leaf and a revoked intermediate: the intermediate is what
  // hundreds of domains share, and their leaves differ.
  if (finding === "cert.revoked" && context.revokedIntermediate) {
    return {
      key: `${alert.key}@${context.revokedIntermediate}`,
      label: `intermediate certificate ${short(context.revokedIntermediate)}…`,
    };
  }
  if (finding === "cert.revoked" && context.certificate) {
    return {
      key: `${alert.key}@${context.certificate}`,
      label: `certificate ${short(context.certificate)}…`,
    };
  }
  if (alert.kind === "weak_config" || alert.kind === "trust")
    return { key: alert.key, label: `finding ${finding}` };
  // Certificate kinds: expiry:7:<fp>, expired:<fp>, renewal_overdue:<fp>, early_renewal:<fp>, cert_changed:<fp>.
  const fingerprint = alert.key.split(":").at(-1) ?? "";
  return { key: alert.key, label: `certificate ${short(fingerprint)}…` };
}

/**
 * The fingerprint of the first intermediate (a chain certificate after the leaf) that a CRL check
 * found revoked. CRL checks name certificates by subject, so the served chain maps them back.
 */
export function revokedIntermediate(
  chain: { subject: string; fingerprintSha256: string }[],
  crls: { certificate: string; outcome: string }[],
): string | null {
  const revoked = new Set(
    crls.filter((check) => check.outcome === "revoked").map((check) => check.certificate),
  );
  return chain.slice(1).find((cert) => revoked.has(cert.subject))?.fingerprintSha256 ?? null;
}
