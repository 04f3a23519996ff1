import type { AlertNotice } from "../src/index";

export const domainUrl = "https://app.port443.test/teams/acme/domains/0193";

/** An opened expiry alert; override what a test is about. */
export function notice(overrides: Partial<AlertNotice> = {}): AlertNotice {
  return {
    event: "opened",
    kind: "expiry",
    severity: "critical",
    title: "Certificate for api.example.com expires in 5 days",
    detail:
      "The certificate served on api.example.com:443 expires on 2026-12-01.\nRenewal was not detected yet.",
    occurredAt: "2026-11-26T08:00:00.000Z",
    team: { name: "Acme" },
    domain: { hostname: "api.example.com", port: 443, url: domainUrl },
    certificate: {
      notAfter: "2026-12-01T12:00:00.000Z",
      daysRemaining: 5,
      issuer: "CN=R11, O=Example Trust, C=US",
      subject: "CN=api.example.com",
      fingerprint: "5F:3A:9C:01:DE:AD:BE:EF",
    },
    findings: [],
    grade: null,
    failures: null,
    ...overrides,
  };
}

export const tls10 = {
  id: "protocol.tls10",
  title: "TLS 1.0 is enabled",
  severity: "high" as const,
  remediation: "Disable TLS 1.0 and 1.1 in the server's TLS settings.",
};

export const weakCipher = {
  id: "cipher.cbc_sha1",
  title: "CBC cipher suites with SHA-1",
  severity: "medium" as const,
  remediation: "Offer only AEAD suites (AES-GCM, ChaCha20-Poly1305).",
};

/** Any HTML tag or comment, to prove the text part is not HTML soup. */
export const htmlTag = /<\/?[a-z!][^>]*>/i;
