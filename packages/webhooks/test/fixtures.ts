import type { WebhookNotice } from "../src/notice";

/** An expiry alert with every optional part filled in; tests override what they look at. */
export function makeNotice(overrides: Partial<WebhookNotice> = {}): WebhookNotice {
  return {
    event: "opened",
    kind: "expiry",
    severity: "high",
    title: "Certificate for shop.example.com expires in 12 days",
    detail: "Renew the certificate before 2031-03-14 to avoid browser warnings.",
    occurredAt: "2031-03-02T08:15:00.000Z",
    team: { name: "Acme Ops" },
    domain: { hostname: "shop.example.com", port: 8443, url: "https://app.port443.test/domains/d-42" },
    certificate: {
      notAfter: "2031-03-14T23:59:59.000Z",
      daysRemaining: 12,
      issuer: "CN=R11, O=Let's Encrypt, C=US",
      subject: "CN=shop.example.com",
      fingerprint: "ab:cd:ef",
    },
    findings: [
      {
        id: "cert.expiring_soon",
        title: "Certificate expires soon",
        severity: "high",
        remediation: "Renew the certificate.",
      },
      {
        id: "protocol.tls1_0",
        title: "TLS 1.0 enabled",
        severity: "medium",
        remediation: "Disable TLS 1.0 and 1.1.",
      },
    ],
    grade: { current: "B", previous: "A" },
    failures: null,
    ...overrides,
  };
}
