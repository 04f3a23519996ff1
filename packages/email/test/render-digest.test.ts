import { describe, expect, it } from "vitest";
import { renderDigestEmail } from "../src/index";
import { domainUrl, htmlTag, notice, tls10, weakCipher } from "./fixtures";

const dashboardUrl = "https://app.port443.test/teams/acme";
const wwwUrl = "https://app.port443.test/teams/acme/domains/0194";

const notices = [
  notice({
    kind: "weak_config",
    severity: "high",
    title: "Weak TLS configuration on www.example.com",
    domain: { hostname: "www.example.com", port: 8443, url: wwwUrl },
    certificate: {
      ...notice().certificate!,
      issuer: "CN=E6, O=Other CA",
      notAfter: "2027-01-26T08:00:00.000Z",
      daysRemaining: 61,
    },
    findings: [tls10, weakCipher],
  }),
  notice(),
  notice({
    event: "resolved",
    kind: "trust",
    severity: "high",
    title: "Chain of mail.example.com is incomplete",
  }),
];

describe("DailyDigest", () => {
  it("summarises the day in the subject", async () => {
    const { subject } = await renderDigestEmail({
      team: { name: "Acme" },
      date: "2026-11-26",
      dashboardUrl,
      notices,
    });
    expect(subject).toBe("[digest] Acme – 2026-11-26: 1 critical, 1 high, 1 resolved");
  });

  it("groups notices by severity, most severe first, one row each with its facts", async () => {
    const { html, text } = await renderDigestEmail({
      team: { name: "Acme" },
      date: "2026-11-26",
      dashboardUrl,
      notices,
    });
    expect(text).toContain("Summary: 1 critical, 1 high, 1 resolved.");
    expect(text).toContain("critical – 1 alert");
    expect(text).toContain("high – 2 alerts");
    for (const part of [html, text]) {
      const critical = part.indexOf("– 1 alert");
      const high = part.indexOf("– 2 alerts");
      expect(critical).toBeGreaterThan(-1);
      expect(high).toBeGreaterThan(critical);
      expect(
        part.indexOf("api.example.com:443 – Certificate for api.example.com expires in 5 days"),
      ).toBeGreaterThan(critical);
      expect(
        part.indexOf("www.example.com:8443 – Weak TLS configuration on www.example.com"),
      ).toBeGreaterThan(high);
      for (const fact of [
        "1 Dec 2026, 12:00 UTC (in 5 days)",
        "26 Jan 2027, 08:00 UTC (in 61 days)",
        "CN=R11, O=Example Trust, C=US",
        "CN=E6, O=Other CA",
        tls10.title,
        weakCipher.title,
        "Chain of mail.example.com is incomplete",
      ]) {
        expect(part).toContain(fact);
      }
    }
    expect(html).toContain(`href="${domainUrl}"`);
    expect(html).toContain(`href="${wwwUrl}"`);
    expect(html).toContain(`href="${dashboardUrl}"`);
    expect(text).toContain(`Open in Port443 ${dashboardUrl}`);
    expect(text).not.toMatch(htmlTag);
  });

  it("marks resolved notices in their row", async () => {
    const { text } = await renderDigestEmail({
      team: { name: "Acme" },
      date: "2026-11-26",
      dashboardUrl,
      notices,
    });
    expect(text).toContain("resolved api.example.com:443 – Chain of mail.example.com is incomplete");
    expect(text).not.toContain("resolved api.example.com:443 – Certificate for");
  });

  it("says so when nothing happened", async () => {
    const { subject, text } = await renderDigestEmail({
      team: { name: "Acme" },
      date: "2026-11-26",
      dashboardUrl,
      notices: [],
    });
    expect(subject).toBe("[digest] Acme – 2026-11-26: no alerts");
    expect(text).toContain("No alerts were opened or resolved.");
  });

  it("validates every notice", async () => {
    const broken = { ...notice(), severity: "urgent" } as unknown as ReturnType<typeof notice>;
    await expect(
      renderDigestEmail({
        team: { name: "Acme" },
        date: "2026-11-26",
        dashboardUrl,
        notices: [notice(), broken],
      }),
    ).rejects.toThrow(/→ at notices\[1\]\.severity/);
  });
});
