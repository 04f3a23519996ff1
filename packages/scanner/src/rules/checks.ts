import { type Analysis, allSuites, isCbc, protocolUnknown, signedPath } from "../analysis";
import type { ParsedCertificate } from "../certificate";
import { describeSpan, expiringSoonSeverity } from "../expiry";
import type { Severity } from "../report";
import { MAX_URLS_PER_CERTIFICATE } from "../scan-limits";
import type { RuleId } from "./catalog";
import { maxLifetimeDays } from "./lifetime";

export interface Hit {
  id: RuleId;
  detail: string;
  /** Overrides the catalog's severity where the rule has tiers. */
  severity?: Severity;
}

type Check = (analysis: Analysis) => Hit | Hit[] | null;

const DAY_MS = 86_400_000;
const days = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);
const notAfter = (cert: ParsedCertificate) => new Date(cert.x509.validTo);
const notBefore = (cert: ParsedCertificate) => new Date(cert.x509.validFrom);
const name = (cert: ParsedCertificate) => cert.info(new Date()).subject;
const timeLeft = (from: Date, to: Date) => describeSpan(to.getTime() - from.getTime());
const lifetime = (cert: ParsedCertificate) => timeLeft(notBefore(cert), notAfter(cert));
const issuerName = (cert: ParsedCertificate) => cert.info(new Date()).issuer;

/**
 * The leaf when its issuer is nowhere (not served, not fetchable through AIA, not an anchor): that
 * issuer is a missing intermediate. A served intermediate whose issuer is unknown is different: it
 * names a root, which servers need not send, so that chain is simply untrusted.
 */
function missingIssuerOf({ chain, leaf }: Analysis): ParsedCertificate | null {
  return !chain.trusted && !leaf.selfSigned && chain.untrustedIssuer === leaf ? leaf : null;
}

const suitesWhere = (analysis: Analysis, test: (suite: ReturnType<typeof allSuites>[number]) => boolean) => [
  ...new Set(
    allSuites(analysis)
      .filter(test)
      .map((suite) => suite.name),
  ),
];

const cipherRule =
  (id: RuleId, test: Parameters<typeof suitesWhere>[1]): Check =>
  (analysis) => {
    const names = suitesWhere(analysis, test);
    return names.length ? { id, detail: `Accepted: ${names.join(", ")}` } : null;
  };

const protocolRule =
  (id: RuleId, protocol: keyof Analysis["protocols"], label: string): Check =>
  (analysis) =>
    analysis.protocols[protocol] ? { id, detail: `The server accepts ${label} handshakes.` } : null;

export const checks: Check[] = [
  ({ leaf, now }) =>
    notAfter(leaf) < now
      ? {
          id: "cert.expired",
          detail: `Expired on ${notAfter(leaf).toISOString()} (${-days(now, notAfter(leaf))} days ago).`,
        }
      : null,
  ({ leaf, now }) =>
    notBefore(leaf) > now
      ? { id: "cert.not_yet_valid", detail: `Valid only from ${notBefore(leaf).toISOString()}.` }
      : null,
  ({ leaf, now }) => {
    const severity = expiringSoonSeverity(notBefore(leaf), notAfter(leaf), now);
    return severity
      ? {
          id: "cert.expiring_soon",
          severity,
          detail: `Expires on ${notAfter(leaf).toISOString()}, in ${timeLeft(now, notAfter(leaf))} (valid for ${lifetime(leaf)} in all).`,
        }
      : null;
  },
  ({ leaf, now, renewal }) =>
    renewal.tracked && now >= renewal.overdueAt && notAfter(leaf) >= now
      ? {
          id: "cert.renewal_overdue",
          detail: `Renewal was due by ${renewal.dueAt.toISOString()} (${
            renewal.source === "ari"
              ? "the end of the renewal window its CA suggests"
              : `two thirds of its lifetime of ${lifetime(leaf)}`
          }); ${timeLeft(renewal.dueAt, now)} later it is still served, and it expires in ${timeLeft(now, notAfter(leaf))}.`,
        }
      : null,
  ({ ari, leaf, now }) => {
    if (!ari?.window || new Date(ari.window.start) > now || notAfter(leaf) < now) return null;
    return {
      id: "cert.early_renewal_requested",
      detail: `${ari.directory} suggests renewing between ${ari.window.start} and ${ari.window.end}${
        ari.explanationUrl ? `; the CA explains why at ${ari.explanationUrl}` : ""
      }.`,
    };
  },
  ({ hostnameMatches, leaf }) =>
    hostnameMatches
      ? null
      : {
          id: "cert.hostname_mismatch",
          detail: `The certificate covers ${[...leaf.dnsNames, ...leaf.ipAddresses].join(", ") || "no names"}.`,
        },
  ({ leaf, leafTrustedDirectly }) =>
    leaf.selfSigned && !leafTrustedDirectly
      ? { id: "cert.self_signed", detail: `${name(leaf)} is signed by its own key.` }
      : null,
  ({ chain, leaf }) => {
    const last = chain.untrustedIssuer;
    if (chain.trusted || leaf.selfSigned || !last) return null;
    return {
      id: "cert.untrusted_issuer",
      detail: last.selfSigned
        ? `The chain ends at ${name(last)}, a root that is not a trusted CA.`
        : last === leaf
          ? `The chain cannot be followed past the certificate itself: its issuer ${issuerName(last)} is missing, so whether it leads to a trusted CA is unknown.`
          : `The chain ends at ${name(last)}, issued by ${issuerName(last)}, which is not a trusted CA.`,
    };
  },
  (analysis) => {
    const { chain } = analysis;
    const missing = missingIssuerOf(analysis);
    if (!chain.fetched.length && !missing) return null;
    const fetched = chain.fetched.length
      ? `Missing from the served chain, fetched through AIA: ${chain.fetched.map(name).join("; ")}.`
      : "";
    const unreachable = missing
      ? `The server does not send the intermediate CA that issued ${name(missing)}: ${issuerName(missing)}, and ${
          missing.aiaCaIssuers.length
            ? `it could not be fetched from ${missing.aiaCaIssuers.slice(0, MAX_URLS_PER_CERTIFICATE).join(", ")}`
            : "the certificate names no AIA URL to fetch it from"
        }. Browsers that do not have it cached will refuse the connection.`
      : "";
    return { id: "cert.chain_incomplete", detail: [fetched, unreachable].filter(Boolean).join(" ") };
  },
  ({ leaf }) => {
    const { keyType, keyBits } = leaf.info(new Date());
    const weak =
      (keyType === "RSA" || keyType === "DSA") && keyBits < 2048
        ? keyBits < 1024
          ? "critical"
          : "high"
        : keyType === "EC" && keyBits < 256
          ? "high"
          : null;
    return weak ? { id: "cert.weak_key", severity: weak, detail: `${keyType} ${keyBits}-bit key.` } : null;
  },
  (analysis) => {
    const weak = signedPath(analysis).filter((cert) => ["md2", "md5", "sha1"].includes(cert.signatureHash));
    if (!weak.length) return null;
    const broken = weak.some((cert) => cert.signatureHash !== "sha1");
    return {
      id: "cert.weak_signature",
      severity: broken ? "critical" : "high",
      detail: weak.map((cert) => `${name(cert)}: ${cert.info(new Date()).signatureAlgorithm}`).join("; "),
    };
  },
  ({ leaf, chain }) => {
    // The limit binds publicly trusted CAs; a private CA's policy is its owner's business.
    if (chain.trusted && !chain.publicAnchor) return null;
    const lifetime = days(notBefore(leaf), notAfter(leaf));
    const limit = maxLifetimeDays(notBefore(leaf));
    return lifetime > limit
      ? {
          id: "cert.lifetime_too_long",
          detail: `Valid for ${lifetime} days; the maximum for certificates issued on ${notBefore(leaf).toISOString().slice(0, 10)} is ${limit}.`,
        }
      : null;
  },
  ({ chain, leaf, now }) => {
    const intermediates = chain.path.slice(1).filter((cert) => cert !== chain.anchor);
    const expiring = intermediates.filter(
      (cert) => days(now, notAfter(cert)) <= 30 || notAfter(cert) < notAfter(leaf),
    );
    if (!expiring.length) return null;
    return {
      id: "cert.intermediate_expiring",
      severity: expiring.some((cert) => notAfter(cert) < now) ? "high" : "medium",
      detail: expiring.map((cert) => `${name(cert)} expires on ${notAfter(cert).toISOString()}`).join("; "),
    };
  },
  ({ ocsp, revocation }) => {
    if (revocation.status !== "revoked") return null;
    const onCrl = revocation.crls.filter((check) => check.outcome === "revoked");
    return {
      id: "cert.revoked",
      detail: onCrl.length
        ? onCrl
            .map(
              (check) =>
                `${check.certificate} is on its CA's CRL (${check.url}): revoked on ${check.revokedAt}${check.reason ? `, reason ${check.reason}` : ""}.`,
            )
            .join(" ")
        : `The CA's OCSP response says the certificate is revoked${ocsp.stapled ? " (stapled)" : ""}.`,
    };
  },
  ({ revocation }) => {
    const stale = revocation.crls.filter((check) => check.stale);
    return stale.length
      ? {
          id: "cert.crl_stale",
          detail: stale
            .map((check) => `${check.url} was due to be replaced on ${check.nextUpdate}.`)
            .join(" "),
        }
      : null;
  },
  ({ chain, leaf }) =>
    chain.trusted && chain.publicAnchor && !leaf.hasSct
      ? { id: "cert.no_sct", detail: "The certificate has no embedded signed certificate timestamps." }
      : null,
  protocolRule("protocol.sslv2", "sslv2", "SSL 2.0"),
  protocolRule("protocol.sslv3", "sslv3", "SSL 3.0"),
  (analysis) => {
    if (!analysis.protocols.tls1_0) return null;
    // BEAST needs CBC on TLS 1.0 and nothing newer for clients to move to.
    const beast =
      !analysis.protocols.tls1_1 &&
      !analysis.protocols.tls1_2 &&
      !analysis.protocols.tls1_3 &&
      (analysis.suites.tls1_0 ?? []).some(isCbc);
    return {
      id: "protocol.tls1_0",
      detail: `The server accepts TLS 1.0 handshakes${beast ? ", with CBC suites and no newer protocol: clients are exposed to BEAST (CVE-2011-3389)" : ""}.`,
    };
  },
  protocolRule("protocol.tls1_1", "tls1_1", "TLS 1.1"),
  // A protocol whose detection did not finish is unknown, not missing.
  (analysis) =>
    analysis.protocols.tls1_2 || protocolUnknown(analysis, "tls1_2")
      ? null
      : { id: "protocol.no_tls1_2", detail: "The server does not accept TLS 1.2." },
  (analysis) =>
    analysis.protocols.tls1_3 || protocolUnknown(analysis, "tls1_3")
      ? null
      : { id: "protocol.no_tls1_3", detail: "The server does not accept TLS 1.3." },
  ({ legacyExtensions }) =>
    legacyExtensions && !legacyExtensions.secureRenegotiation
      ? {
          id: "vuln.insecure_renegotiation",
          detail:
            "Offered renegotiation_info, a TLS 1.0–1.2 ServerHello came back without it: the server does not implement secure renegotiation.",
        }
      : null,
  ({ legacyExtensions }) =>
    legacyExtensions && !legacyExtensions.extendedMasterSecret
      ? {
          id: "protocol.no_extended_master_secret",
          detail: "Offered extended_master_secret, a TLS 1.0–1.2 ServerHello came back without it.",
        }
      : null,
  // Every probe that found the server vulnerable reports what it sent and saw.
  ({ vulnerabilities }) =>
    vulnerabilities
      .filter((result) => result.status === "vulnerable")
      .map((result) => ({ id: result.id as RuleId, detail: result.detail })),
  cipherRule("cipher.null", (suite) => suite.null),
  cipherRule("cipher.export", (suite) => suite.export),
  cipherRule("cipher.anonymous", (suite) => suite.anonymous),
  cipherRule("cipher.rc4", (suite) => suite.cipher.startsWith("RC4")),
  cipherRule("cipher.3des", (suite) => suite.cipher.includes("3DES")),
  (analysis) => {
    const suites = allSuites(analysis);
    return suites.length && !suites.some((suite) => suite.aead)
      ? {
          id: "cipher.cbc_only",
          detail:
            "Every accepted suite uses CBC (whose padding checks LUCKY13, CVE-2013-0169, times) or a stream cipher.",
        }
      : null;
  },
  ({ protocols, suites }) => {
    const cbc = (suites.sslv3 ?? []).filter(isCbc);
    return protocols.sslv3 && cbc.length
      ? {
          id: "vuln.poodle",
          detail: `SSL 3.0 accepts CBC suites: ${cbc.map((suite) => suite.name).join(", ")}.`,
        }
      : null;
  },
  (analysis) => {
    const suites = allSuites(analysis);
    if (!suites.length) return null;
    if (!suites.some((suite) => suite.forwardSecrecy)) {
      return { id: "kex.no_forward_secrecy", detail: "No accepted suite uses ECDHE or DHE." };
    }
    const preferred = (["tls1_2", "tls1_1", "tls1_0"] as const).find(
      (protocol) => analysis.suites[protocol]?.length,
    );
    const first =
      preferred && analysis.serverPreference[preferred] ? analysis.suites[preferred]?.[0] : undefined;
    return first && !first.forwardSecrecy
      ? {
          id: "kex.no_forward_secrecy",
          detail: `The server prefers ${first.name}, which has no forward secrecy.`,
        }
      : null;
  },
  ({ dhBits }) =>
    dhBits !== null && dhBits < 2048
      ? {
          id: "kex.weak_dh",
          severity: dhBits < 1024 ? "high" : "medium",
          detail: `DHE uses a ${dhBits}-bit group.`,
        }
      : null,
  ({ hsts }) =>
    hsts === null
      ? { id: "http.no_hsts", detail: "HTTPS responses carry no Strict-Transport-Security header." }
      : null,
  ({ hsts }) =>
    hsts && hsts.maxAge < 15_768_000
      ? { id: "http.hsts_short", detail: `max-age=${hsts.maxAge} (less than six months).` }
      : null,
  // Stapling needs a responder: CAs without OCSP (Let's Encrypt since 2025) make it impossible.
  ({ ocsp, leaf }) =>
    ocsp.stapled || !leaf.ocspUrls.length
      ? null
      : {
          id: "ocsp.no_stapling",
          detail: `The server sent no OCSP response in the handshake; the CA's responder is ${leaf.ocspUrls[0]}.`,
        },
];
