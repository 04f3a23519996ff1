import type { Severity } from "../report";

/**
 * The rule catalog: stable ids (stored with findings, used by alert policies and `--fail-on`),
 * with the title and the fix shown to people. Severities that depend on how bad a case is come
 * from the check; `severity` here is the usual one.
 */
export const ruleCatalog = {
  "cert.expired": {
    severity: "critical",
    title: "Certificate has expired",
    remediation:
      "Renew the certificate and deploy it with its intermediates; automate renewal (ACME) so it cannot lapse again.",
  },
  "cert.not_yet_valid": {
    severity: "critical",
    title: "Certificate is not yet valid",
    remediation:
      "Check the server clock and the certificate's notBefore date; deploy a certificate that is valid now.",
  },
  "cert.expiring_soon": {
    severity: "medium",
    title: "Certificate expires soon",
    remediation: "Renew the certificate now and deploy it; with ACME, renew at two thirds of the lifetime.",
  },
  "cert.renewal_overdue": {
    severity: "high",
    title: "Certificate renewal is overdue",
    remediation:
      "The certificate is past the point where it should have been replaced, so renewal automation is probably failing: check the ACME client's logs and timer (certbot, cert-manager, Caddy, …), renew, and reload the server so it serves the new certificate.",
  },
  "cert.early_renewal_requested": {
    severity: "high",
    title: "The CA asks for this certificate to be renewed early",
    remediation:
      "Renew the certificate now, ahead of schedule: the CA announced through ACME Renewal Information (RFC 9773) that it wants it replaced, as it does before a mass revocation. ACME clients with ARI support (certbot 2.8+, cert-manager 1.15+, Caddy, lego) do this by themselves.",
  },
  "cert.hostname_mismatch": {
    severity: "critical",
    title: "Certificate does not cover this hostname",
    remediation:
      "Issue a certificate whose Subject Alternative Names include this hostname (or a matching wildcard), or fix SNI routing.",
  },
  "cert.self_signed": {
    severity: "critical",
    title: "Certificate is self-signed",
    remediation:
      "Serve a certificate from a publicly trusted CA (e.g. Let's Encrypt), or upload your private CA so Port443 trusts it.",
  },
  "cert.untrusted_issuer": {
    severity: "critical",
    title: "Certificate chain ends at an untrusted CA",
    remediation:
      "Use a publicly trusted CA, or add your private CA's root certificate to the trusted bundle.",
  },
  "cert.chain_incomplete": {
    severity: "high",
    title: "Server does not send the intermediate certificates",
    remediation:
      "Configure the server with the full chain (leaf followed by its intermediates, e.g. fullchain.pem); clients that do not fetch missing intermediates fail.",
  },
  "cert.weak_key": {
    severity: "high",
    title: "Certificate key is too weak",
    remediation: "Reissue the certificate with an ECDSA P-256 key or an RSA key of at least 2048 bits.",
  },
  "cert.weak_signature": {
    severity: "high",
    title: "Certificate chain uses a weak signature algorithm",
    remediation:
      "Reissue the affected certificate with a SHA-256 (or stronger) signature; replace intermediates signed with SHA-1 or MD5.",
  },
  "cert.lifetime_too_long": {
    severity: "medium",
    title: "Certificate lifetime exceeds the CA/Browser Forum maximum",
    remediation:
      "Issue certificates with a shorter validity; browsers reject publicly trusted certificates valid longer than the maximum for their issue date.",
  },
  "cert.intermediate_expiring": {
    severity: "medium",
    title: "An intermediate certificate expires soon",
    remediation:
      "Get the current intermediate from your CA and serve it instead; the chain breaks when the intermediate expires.",
  },
  "cert.revoked": {
    severity: "critical",
    title: "Certificate has been revoked",
    remediation:
      "Replace the certificate immediately with a newly issued one; revoked certificates are rejected by clients that check.",
  },
  "cert.crl_stale": {
    severity: "low",
    title: "The CA's revocation list is out of date",
    remediation:
      "The CRL is past its nextUpdate, so a revocation since then would not show. Nothing to change on the server; if this is your private CA, publish a fresh CRL (and automate it), otherwise tell your CA.",
  },
  "cert.no_sct": {
    severity: "low",
    title: "Certificate carries no Certificate Transparency proof",
    remediation:
      "Use a CA that embeds SCTs; Chrome and Safari require Certificate Transparency for publicly trusted certificates.",
  },
  "protocol.sslv2": {
    severity: "critical",
    title: "SSL 2.0 is enabled (DROWN, CVE-2016-0800)",
    remediation: "Disable SSL 2.0; it is broken (DROWN) and no client needs it.",
  },
  "protocol.sslv3": {
    severity: "high",
    title: "SSL 3.0 is enabled",
    remediation: "Disable SSL 3.0; it is broken (POODLE).",
  },
  "vuln.poodle": {
    severity: "high",
    title: "POODLE: CBC cipher suites over SSL 3.0 (CVE-2014-3566)",
    remediation:
      "Disable SSL 3.0: its CBC padding is not authenticated, so an attacker who can make a client retry decrypts a byte per 256 requests.",
  },
  "protocol.tls1_0": {
    severity: "medium",
    title: "TLS 1.0 is enabled",
    remediation: "Disable TLS 1.0; it is deprecated (RFC 8996) and current browsers refuse it.",
  },
  "protocol.tls1_1": {
    severity: "medium",
    title: "TLS 1.1 is enabled",
    remediation: "Disable TLS 1.1; it is deprecated (RFC 8996) and current browsers refuse it.",
  },
  "protocol.no_tls1_2": {
    severity: "high",
    title: "TLS 1.2 is not supported",
    remediation: "Enable TLS 1.2; many clients cannot connect without it.",
  },
  "protocol.no_tls1_3": {
    severity: "low",
    title: "TLS 1.3 is not supported",
    remediation:
      "Enable TLS 1.3 (OpenSSL 1.1.1+, nginx ssl_protocols TLSv1.2 TLSv1.3); it is faster and removes weak options.",
  },
  "vuln.insecure_renegotiation": {
    severity: "high",
    title: "Insecure renegotiation: RFC 5746 is not supported (CVE-2009-3555)",
    remediation:
      "Update the TLS library (every maintained OpenSSL, BoringSSL, Schannel and NSS supports RFC 5746): without renegotiation_info an attacker can splice their own data in front of a client's request.",
  },
  "vuln.heartbleed": {
    severity: "critical",
    title: "Heartbleed: the server leaks memory through TLS heartbeats (CVE-2014-0160)",
    remediation:
      "Update OpenSSL (1.0.1g or later) and restart every process that links it; then replace the certificate's private key and revoke the old certificate, since it may have leaked, and invalidate sessions and passwords.",
  },
  "vuln.ccs_injection": {
    severity: "critical",
    title: "CCS injection: an early ChangeCipherSpec is accepted (CVE-2014-0224)",
    remediation:
      "Update OpenSSL (0.9.8za, 1.0.0m, 1.0.1h or later): a man in the middle can make both sides use weak keys it knows.",
  },
  "vuln.ticketbleed": {
    severity: "critical",
    title: "Ticketbleed: session ticket resumption leaks memory (CVE-2016-9244)",
    remediation:
      "Update the F5 BIG-IP software (11.6.1 HF2, 12.1.2 HF1 or later), or disable session tickets on the virtual server's client SSL profile until then.",
  },
  "vuln.robot": {
    severity: "critical",
    title: "ROBOT: the RSA key exchange is a padding oracle (CVE-2017-13099 and related)",
    remediation:
      "Update the TLS implementation or appliance firmware, and disable the RSA key exchange suites (TLS_RSA_WITH_*): with the oracle an attacker can decrypt recorded sessions and sign with the server's key.",
  },
  "vuln.client_renegotiation": {
    severity: "medium",
    title: "Client-initiated renegotiation is accepted without limit",
    remediation:
      "Disable client-initiated renegotiation (OpenSSL 3 refuses it by default; nginx and Apache turn it off): each one makes the server redo an expensive handshake, a cheap denial-of-service lever.",
  },
  "vuln.crime": {
    severity: "high",
    title: "CRIME: TLS compression is enabled (CVE-2012-4929)",
    remediation:
      "Disable TLS-level compression (OpenSSL: SSL_OP_NO_COMPRESSION, the default since 1.1.0): compressing secrets with attacker-chosen data lets an attacker read cookies from the ciphertext's length.",
  },
  "vuln.breach": {
    severity: "low",
    title: "BREACH hint: HTTP responses are compressed (CVE-2013-3587)",
    remediation:
      "If pages reflect request data next to secrets (CSRF tokens, session data), disable HTTP compression for them, mask the secrets per response, or add random padding; static assets can stay compressed.",
  },
  "protocol.no_fallback_scsv": {
    severity: "medium",
    title: "TLS_FALLBACK_SCSV is ignored: downgrades are not refused (RFC 7507)",
    remediation:
      "Update the TLS library (OpenSSL 1.0.1j or later honours TLS_FALLBACK_SCSV): a client retrying with a lower version after a failed connection is then protected from forced downgrades.",
  },
  "protocol.early_data": {
    severity: "medium",
    title: "TLS 1.3 early data (0-RTT) is accepted",
    remediation:
      "Disable 0-RTT (nginx ssl_early_data off, the default) unless the application rejects replays: early data can be replayed by an attacker, so non-idempotent requests may run twice.",
  },
  "protocol.grease_intolerant": {
    severity: "medium",
    title: "The server refuses ClientHellos with GREASE values (RFC 8701)",
    remediation:
      "Update the TLS implementation or the middlebox in front of it: browsers send GREASE values in every handshake, and a server that refuses unknown values breaks when clients add new ones.",
  },
  "protocol.no_extended_master_secret": {
    severity: "low",
    title: "No extended master secret on TLS 1.2 and older (RFC 7627)",
    remediation:
      "Update the TLS library or enable the extended master secret extension: without it, sessions are exposed to the triple handshake attack; TLS 1.3 does not need it.",
  },
  "cipher.null": {
    severity: "critical",
    title: "Cipher suites without encryption are accepted",
    remediation: "Remove NULL suites from the cipher list (e.g. add !eNULL).",
  },
  "cipher.export": {
    severity: "critical",
    title: "Export-grade cipher suites are accepted (FREAK, CVE-2015-0204)",
    remediation:
      "Remove export suites from the cipher list (e.g. add !EXPORT); they are broken (FREAK, Logjam).",
  },
  "cipher.anonymous": {
    severity: "critical",
    title: "Anonymous cipher suites are accepted",
    remediation: "Remove anonymous suites (e.g. add !aNULL); they allow trivial man-in-the-middle attacks.",
  },
  "cipher.rc4": {
    severity: "high",
    title: "RC4 cipher suites are accepted",
    remediation: "Remove RC4 suites (e.g. add !RC4); RC4 is broken (RFC 7465).",
  },
  "cipher.3des": {
    severity: "medium",
    title: "3DES cipher suites are accepted (SWEET32, CVE-2016-2183)",
    remediation: "Remove 3DES suites (e.g. add !3DES); 64-bit blocks are vulnerable to SWEET32.",
  },
  "cipher.cbc_only": {
    severity: "low",
    title: "No AEAD cipher suite is offered",
    remediation: "Enable AES-GCM or ChaCha20-Poly1305 suites and prefer them over CBC suites.",
  },
  "kex.no_forward_secrecy": {
    severity: "medium",
    title: "No forward secrecy",
    remediation:
      "Enable and prefer ECDHE suites (and TLS 1.3) so a stolen key cannot decrypt recorded traffic.",
  },
  "kex.weak_dh": {
    severity: "medium",
    title: "Diffie-Hellman parameters are too small (Logjam, CVE-2015-4000)",
    remediation:
      "Use DH parameters of at least 2048 bits (RFC 7919 ffdhe2048+), or drop DHE suites in favour of ECDHE.",
  },
  "http.no_hsts": {
    severity: "low",
    title: "No HTTP Strict Transport Security",
    remediation: "Send Strict-Transport-Security: max-age=31536000; includeSubDomains on HTTPS responses.",
  },
  "http.hsts_short": {
    severity: "low",
    title: "HSTS max-age is short",
    remediation:
      "Raise the Strict-Transport-Security max-age to at least 15768000 seconds (six months), ideally a year.",
  },
  "ocsp.no_stapling": {
    severity: "info",
    title: "OCSP stapling is not enabled",
    remediation:
      "Enable OCSP stapling (nginx: ssl_stapling on; Apache: SSLUseStapling on) to speed up revocation checks.",
  },
} as const satisfies Record<string, { severity: Severity; title: string; remediation: string }>;

export type RuleId = keyof typeof ruleCatalog;
export const ruleIds = Object.keys(ruleCatalog) as RuleId[];
