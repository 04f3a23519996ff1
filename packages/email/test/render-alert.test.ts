import { describe, expect, it } from "vitest";
import { type AlertNotice, renderAlertEmail } from "../src/index";
import { domainUrl, htmlTag, notice, tls10, weakCipher } from "./fixtures";

interface Case {
  name: string;
  notice: AlertNotice;
  subject: string;
  /** What only this template says, checked in both the HTML and the text. */
  says: string[];
}

const cases: Case[] = [
  {
    name: "ExpiryAlert (expiry)",
    notice: notice(),
    subject: "[critical] api.example.com:443 – certificate expires in 5 days",
    says: ["5 days left", "What to do", "Renew the certificate"],
  },
  {
    name: "ExpiryAlert (expired)",
    notice: notice({
      kind: "expired",
      title: "Certificate for api.example.com expired",
      certificate: { ...notice().certificate!, notAfter: "2026-11-23T12:00:00.000Z", daysRemaining: -3 },
    }),
    subject: "[critical] api.example.com:443 – certificate expired 3 days ago",
    says: ["expired 3 days ago", "23 Nov 2026, 12:00 UTC (3 days ago)", "Clients refuse this endpoint"],
  },
  {
    name: "ExpiryAlert (cert_changed)",
    notice: notice({
      kind: "cert_changed",
      severity: "info",
      title: "api.example.com serves a new certificate",
    }),
    subject: "[info] api.example.com:443 – certificate changed, now issued by Example Trust",
    says: ["What to check", "5F:3A:9C:01:DE:AD:BE:EF"],
  },
  {
    name: "WeakConfigAlert (weak_config)",
    notice: notice({
      kind: "weak_config",
      severity: "high",
      title: "Weak TLS configuration on api.example.com",
      certificate: { ...notice().certificate!, notAfter: "2027-01-10T08:00:00.000Z", daysRemaining: 45 },
      findings: [tls10, weakCipher],
    }),
    subject: "[high] api.example.com:443 – weak TLS configuration: TLS 1.0 is enabled (+1 more)",
    says: [tls10.remediation, weakCipher.remediation, "10 Jan 2027, 08:00 UTC (in 45 days)"],
  },
  {
    name: "WeakConfigAlert (grade_drop)",
    notice: notice({
      kind: "grade_drop",
      severity: "medium",
      title: "Grade for api.example.com dropped to C",
      findings: [tls10],
      grade: { previous: "A", current: "C" },
    }),
    subject: "[medium] api.example.com:443 – grade dropped from A to C",
    says: ["Grade A → C", tls10.remediation],
  },
  {
    name: "WeakConfigAlert (grade_drop, provisional grade)",
    notice: notice({
      kind: "grade_drop",
      severity: "medium",
      title: "Grade for api.example.com dropped to C",
      findings: [tls10],
      grade: { previous: "A", current: "C", provisional: true },
    }),
    subject: "[medium] api.example.com:443 – grade dropped from A to C",
    says: ["Grade A → C (provisional: some steps of the scan did not finish)"],
  },
  {
    name: "WeakConfigAlert (trust)",
    notice: notice({
      kind: "trust",
      severity: "critical",
      title: "Certificate for api.example.com is not trusted",
      findings: [
        {
          ...tls10,
          id: "chain.incomplete",
          title: "Incomplete chain",
          remediation: "Send the intermediates.",
        },
      ],
    }),
    subject: "[critical] api.example.com:443 – certificate not trusted: Incomplete chain",
    says: ["Send the intermediates.", "Serve the full chain"],
  },
  {
    name: "FailingScanAlert (scan_failing)",
    notice: notice({
      kind: "scan_failing",
      severity: "high",
      title: "Scans of api.example.com are failing",
      failures: { count: 4, lastError: "connect ECONNREFUSED 203.0.113.7:443" },
    }),
    subject: "[high] api.example.com:443 – scans failing (4 in a row)",
    says: ["4 failed scans in a row", "connect ECONNREFUSED 203.0.113.7:443", "What it usually means"],
  },
  {
    name: "ResolvedNotice (expiry)",
    notice: notice({
      event: "resolved",
      certificate: { ...notice().certificate!, notAfter: "2027-02-24T12:00:00.000Z", daysRemaining: 90 },
    }),
    subject: "[resolved] api.example.com:443 – certificate renewed",
    says: [
      "Resolved: Certificate for api.example.com expires in 5 days",
      "Renewed: the new certificate is valid until 24 Feb 2027, 12:00 UTC (in 90 days).",
    ],
  },
  {
    name: "ResolvedNotice (weak_config)",
    notice: notice({ event: "resolved", kind: "weak_config", severity: "high", findings: [tls10] }),
    subject: "[resolved] api.example.com:443 – TLS configuration fixed",
    says: ["Fixed: the latest scan no longer reports these findings."],
  },
];

describe.each(cases)("$name", ({ notice, subject, says }) => {
  const facts = [
    "api.example.com:443",
    notice.certificate?.issuer,
    notice.certificate?.daysRemaining === 90 ? "in 90 days" : null,
    ...notice.findings.map((finding) => finding.title),
    ...says,
  ].filter((fact): fact is string => Boolean(fact));

  it("has an informative subject", async () => {
    expect((await renderAlertEmail(notice)).subject).toBe(subject);
  });

  it("states the endpoint, certificate, findings and dashboard link in the HTML", async () => {
    const { html } = await renderAlertEmail(notice);
    for (const fact of facts) expect(html).toContain(fact.replace(/'/g, "&#x27;"));
    expect(html).toContain(`href="${domainUrl}"`);
    expect(html).toContain("Open in Port443");
  });

  it("has a readable plain-text version with the same facts", async () => {
    const { text } = await renderAlertEmail(notice);
    for (const fact of facts) expect(text).toContain(fact);
    expect(text).toContain(`Open in Port443 ${domainUrl}`);
    expect(text).not.toMatch(htmlTag);
    // the preview's invisible padding characters stay out of the text
    expect(text).not.toMatch(/[\u200b-\u200f\ufeff]/);
  });
});

describe("opened alerts", () => {
  it("show days left and the dates as people read them, in UTC", async () => {
    const { html, text } = await renderAlertEmail(notice());
    for (const part of [html, text]) {
      expect(part).toContain("5 days left");
      expect(part).toContain("1 Dec 2026, 12:00 UTC (in 5 days)");
      expect(part).toContain("26 Nov 2026, 08:00 UTC");
      expect(part).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
  });

  it("leave out what is unknown instead of printing null", async () => {
    const { subject, text } = await renderAlertEmail(
      notice({ kind: "weak_config", certificate: null, findings: [tls10], severity: "high" }),
    );
    expect(subject).toBe("[high] api.example.com:443 – weak TLS configuration: TLS 1.0 is enabled");
    expect(text).not.toMatch(/null|undefined|Expires|Issuer/);
  });

  it("say 'expires today' on the last day", async () => {
    const { subject, text } = await renderAlertEmail(
      notice({ certificate: { ...notice().certificate!, daysRemaining: 0 } }),
    );
    expect(subject).toBe("[critical] api.example.com:443 – certificate expires today");
    expect(text).toContain("expires today");
    expect(text).toContain("1 Dec 2026, 12:00 UTC (within a day)");
  });

  it("escape notice text instead of injecting it as HTML", async () => {
    const title = `<img src=x onerror="alert(1)"> & <b>bold</b>`;
    const { html, text } = await renderAlertEmail(notice({ title, detail: "<script>alert(1)</script>" }));
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).toContain(title);
  });

  it("put each line of the detail in its own paragraph", async () => {
    const { text } = await renderAlertEmail(notice());
    expect(text).toMatch(/expires on 2026-12-01\.\n+Renewal was not detected yet\./);
  });
});
