import { formatDateTime } from "@port443/notice";
import { renewalOf, type ScanReport } from "@port443/scanner";
import { describe, expect, it } from "vitest";
import { type ExistingAlert, planAlerts } from "../src/alerts/plan";
import { defaultPolicy } from "../src/policy";

const base = { label: "api.example.com:443", failures: { count: 0, lastError: null }, policy: defaultPolicy };

const DAY_MS = 86_400_000;

/**
 * A report as the scanner writes it for a certificate `lifetimeDays` long with `days` left: its
 * renewal point, and `cert.renewal_overdue` once past it. Yearly certificates (the default here)
 * are not renewal-tracked, so their alerts follow the day thresholds.
 */
function report(
  overrides: {
    days?: number;
    lifetimeDays?: number;
    fingerprint?: string;
    grade?: string;
    findings?: ScanReport["findings"];
  } = {},
): ScanReport {
  const days = overrides.days ?? 80;
  const now = new Date();
  const notAfter = new Date(now.getTime() + days * DAY_MS);
  const notBefore = new Date(notAfter.getTime() - (overrides.lifetimeDays ?? 398) * DAY_MS);
  const renewal = renewalOf(notBefore, notAfter);
  const overdue =
    renewal.tracked && now >= renewal.overdueAt
      ? [{ id: "cert.renewal_overdue", severity: "high", title: "", detail: "overdue", remediation: "" }]
      : [];
  return {
    scannedAt: now.toISOString(),
    grade: overrides.grade ?? "A",
    gradeCaps: [],
    findings: [...overdue, ...(overrides.findings ?? [])],
    certificate: {
      daysRemaining: Math.floor(days),
      fingerprintSha256: overrides.fingerprint ?? "fp1",
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      issuer: "CN=Test CA",
    },
    renewal: {
      ...renewal,
      dueAt: renewal.dueAt.toISOString(),
      overdueAt: renewal.overdueAt.toISOString(),
    },
  } as unknown as ScanReport;
}

const alert = (
  key: string,
  state: ExistingAlert["state"] = "notified",
  fingerprint: string | null = null,
): ExistingAlert => ({
  id: key,
  key,
  kind: key.split(":")[0] === "weak" ? "weak_config" : (key.split(":")[0] as ExistingAlert["kind"]),
  state,
  fingerprint,
});

describe("planAlerts", () => {
  it("opens the lowest expiry threshold crossed, once", () => {
    const first = planAlerts({
      ...base,
      report: report({ days: 5 }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [],
    });
    expect(first.open.map((draft) => [draft.key, draft.severity])).toEqual([["expiry:7:fp1", "critical"]]);
    // The date as people read it, never the ISO string ("2026-12-09T02:43:16.000Z").
    expect(first.open[0]!.detail).toMatch(
      /^It expires on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC; issued by CN=Test CA\.$/,
    );
    const again = planAlerts({
      ...base,
      report: report({ days: 5 }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [alert("expiry:7:fp1", "notified", "fp1")],
    });
    expect(again).toEqual({ open: [], reopen: [], resolve: [] });
  });

  it("supersedes an expiry alert silently when a lower threshold is crossed", () => {
    const plan = planAlerts({
      ...base,
      report: report({ days: 2 }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [alert("expiry:7:fp1", "notified", "fp1")],
    });
    expect(plan.open.map((draft) => draft.key)).toEqual(["expiry:3:fp1"]);
    expect(plan.resolve).toEqual([{ id: "expiry:7:fp1", notify: false }]);
  });

  it("resolves expiry alerts with a notice when the certificate is renewed", () => {
    const plan = planAlerts({
      ...base,
      report: report({ days: 89, fingerprint: "fp2" }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [alert("expiry:7:fp1", "notified", "fp1")],
    });
    expect(plan.open).toEqual([]);
    expect(plan.resolve).toEqual([{ id: "expiry:7:fp1", notify: true }]);
  });

  it("never reopens a threshold already fired for the same certificate", () => {
    const plan = planAlerts({
      ...base,
      report: report({ days: 6 }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [alert("expiry:7:fp1", "resolved", "fp1")],
    });
    expect(plan.open).toEqual([]);
    expect(plan.reopen).toEqual([]);
  });

  it("alerts on weak findings at or above the minimum severity, and trust findings always", () => {
    const findings = [
      { id: "protocol.tls1_0", severity: "medium", title: "TLS 1.0 is enabled", detail: "", remediation: "" },
      {
        id: "cipher.rc4",
        severity: "high",
        title: "RC4 cipher suites are accepted",
        detail: "",
        remediation: "",
      },
      {
        id: "cert.chain_incomplete",
        severity: "high",
        title: "Chain incomplete",
        detail: "",
        remediation: "",
      },
      { id: "cert.hostname_mismatch", severity: "critical", title: "Mismatch", detail: "", remediation: "" },
    ] as ScanReport["findings"];
    const plan = planAlerts({
      ...base,
      report: report({ findings }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [],
    });
    expect(plan.open.map((draft) => draft.key).sort()).toEqual([
      "trust:cert.chain_incomplete",
      "trust:cert.hostname_mismatch",
      "weak:cipher.rc4",
    ]);
  });

  it("reopens a weak-configuration alert that comes back", () => {
    const findings = [
      { id: "cipher.rc4", severity: "high", title: "RC4", detail: "", remediation: "" },
    ] as ScanReport["findings"];
    const plan = planAlerts({
      ...base,
      report: report({ findings }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [alert("weak:cipher.rc4", "resolved")],
    });
    expect(plan.reopen.map((entry) => entry.id)).toEqual(["weak:cipher.rc4"]);
  });

  it("tracks a grade drop against the grade before it and resolves it on recovery", () => {
    const drop = planAlerts({
      ...base,
      report: report({ grade: "B" }),
      previous: { grade: "A+", fingerprint: "fp1" },
      existing: [],
    });
    expect(drop.open.map((draft) => draft.key)).toEqual(["grade_drop:A+"]);
    const worse = planAlerts({
      ...base,
      report: report({ grade: "C" }),
      previous: { grade: "B", fingerprint: "fp1" },
      existing: [alert("grade_drop:A+")],
    });
    expect(worse).toEqual({ open: [], reopen: [], resolve: [] });
    const back = planAlerts({
      ...base,
      report: report({ grade: "A+" }),
      previous: { grade: "C", fingerprint: "fp1" },
      existing: [alert("grade_drop:A+")],
    });
    expect(back.resolve).toEqual([{ id: "grade_drop:A+", notify: true }]);
  });

  it("opens a failing-scan alert at the threshold, keeps certificate alerts while scans fail, and resolves on recovery", () => {
    const existing = [alert("expiry:7:fp1", "notified", "fp1")];
    const two = planAlerts({
      ...base,
      report: null,
      failures: { count: 2, lastError: "timeout" },
      previous: { grade: "A", fingerprint: "fp1" },
      existing,
    });
    expect(two).toEqual({ open: [], reopen: [], resolve: [] });
    const three = planAlerts({
      ...base,
      report: null,
      failures: { count: 3, lastError: "timeout" },
      previous: { grade: "A", fingerprint: "fp1" },
      existing,
    });
    expect(three.open.map((draft) => draft.key)).toEqual(["scan_failing"]);
    expect(three.resolve).toEqual([]);
    const recovered = planAlerts({
      ...base,
      report: report({ days: 6 }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [...existing, alert("scan_failing")],
    });
    expect(recovered.resolve).toEqual([{ id: "scan_failing", notify: true }]);
  });

  it("sends a one-off notice for a new certificate when asked to", () => {
    const policy = { ...defaultPolicy, notifyCertChange: true };
    const plan = planAlerts({
      ...base,
      policy,
      report: report({ fingerprint: "fp2" }),
      previous: { grade: "A", fingerprint: "fp1" },
      existing: [],
    });
    expect(plan.open).toEqual([expect.objectContaining({ key: "cert_changed:fp2", oneShot: true })]);
  });

  describe("lifetime-aware expiry (the default)", () => {
    const scan = (days: number, lifetimeDays: number, existing: ExistingAlert[] = [], fingerprint = "fp1") =>
      planAlerts({
        ...base,
        report: report({ days, lifetimeDays, fingerprint }),
        previous: { grade: "A", fingerprint: "fp1" },
        existing,
      });
    const keys = (plan: ReturnType<typeof planAlerts>) =>
      plan.open.map((draft) => [draft.key, draft.severity]);

    it("raises nothing for a fresh 6-day certificate, which fixed days would call critical", () => {
      expect(scan(5.9, 6)).toEqual({ open: [], reopen: [], resolve: [] });
      const fixed = planAlerts({
        ...base,
        policy: { ...defaultPolicy, expiryMode: "fixed" },
        report: report({ days: 5.9, lifetimeDays: 6 }),
        previous: { grade: "A", fingerprint: "fp1" },
        existing: [],
      });
      expect(keys(fixed)).toEqual([["expiry:7:fp1", "critical"]]);
    });

    it("raises renewal overdue, alone, for a 45-day certificate 40 days in; once", () => {
      const first = scan(5, 45);
      expect(keys(first)).toEqual([["renewal_overdue:fp1", "high"]]);
      expect(first.open[0]!.title).toBe(
        "Certificate for api.example.com:443 was not renewed on time (expires in 5 days)",
      );
      expect(scan(5, 45, [alert("renewal_overdue:fp1", "notified", "fp1")])).toEqual({
        open: [],
        reopen: [],
        resolve: [],
      });
    });

    it("adds a critical expiry alert in the final tenth of the lifetime, keeping the overdue one", () => {
      const plan = scan(4, 45, [alert("renewal_overdue:fp1", "notified", "fp1")]);
      expect(keys(plan)).toEqual([["expiry:final:fp1", "critical"]]);
      expect(plan.resolve).toEqual([]);
    });

    it("counts a short certificate's last day in hours", () => {
      const plan = scan(20 / 24, 6);
      expect(plan.open.map((draft) => draft.title)).toEqual([
        "Certificate for api.example.com:443 was not renewed on time (expires in 20 hours)",
        "Certificate for api.example.com:443 expires in 20 hours",
      ]);
    });

    it("keeps the day thresholds for a 398-day certificate (the usual 30-day warning)", () => {
      expect(keys(scan(29, 398))).toEqual([["expiry:30:fp1", "medium"]]);
    });

    it("resolves renewal overdue with a notice when a renewed certificate is served", () => {
      const plan = scan(44, 45, [alert("renewal_overdue:fp1", "notified", "fp1")], "fp2");
      expect(plan.open).toEqual([]);
      expect(plan.resolve).toEqual([{ id: "renewal_overdue:fp1", notify: true }]);
    });
  });

  describe("early renewal requested through ARI", () => {
    const ari = (dueAt: string, finding: boolean): ScanReport => {
      const base = report({ days: 30, lifetimeDays: 45 });
      return {
        ...base,
        findings: finding
          ? [
              {
                id: "cert.early_renewal_requested",
                severity: "high",
                title: "",
                detail: "window open",
                remediation: "",
              },
            ]
          : [],
        renewal: {
          ...base.renewal!,
          source: "ari",
          dueAt,
          ari: {
            directory: "https://acme.test/dir",
            window: null,
            explanationUrl: "https://ca.test/why",
            error: null,
          },
        },
      };
    };
    const plan = (
      scan: ScanReport,
      previousDueAt: string | null,
      existing: ExistingAlert[] = [],
      fingerprint = "fp1",
    ) =>
      planAlerts({
        ...base,
        report: scan,
        previous: { grade: "A", fingerprint, renewalDueAt: previousDueAt },
        existing,
      });
    const later = new Date(Date.now() + 20 * DAY_MS).toISOString();
    const sooner = new Date(Date.now() + 2 * DAY_MS).toISOString();

    it("opens once when the CA's window has opened", () => {
      const first = plan(ari(sooner, true), sooner);
      expect(first.open.map((draft) => [draft.key, draft.severity, draft.detail])).toEqual([
        ["early_renewal:fp1", "high", "window open"],
      ]);
      expect(plan(ari(sooner, true), sooner, [alert("early_renewal:fp1", "notified", "fp1")]).open).toEqual(
        [],
      );
    });

    it("opens when the window moved earlier since the last scan of the same certificate", () => {
      const moved = plan(ari(sooner, false), later);
      expect(moved.open.map((draft) => draft.key)).toEqual(["early_renewal:fp1"]);
      expect(moved.open[0]!.detail).toContain(
        `renew by ${formatDateTime(sooner)} (it was ${formatDateTime(later)}).`,
      );
      expect(moved.open[0]!.detail).toContain("https://ca.test/why");
      // Not for a window that stayed or moved later, nor across a certificate change.
      expect(plan(ari(later, false), later).open).toEqual([]);
      expect(plan(ari(later, false), sooner).open).toEqual([]);
      expect(plan(ari(sooner, false), later, [], "fp0").open).toEqual([]);
    });

    it("stays open until the certificate is replaced, then resolves with a notice", () => {
      const stays = plan(ari(sooner, false), sooner, [alert("early_renewal:fp1", "notified", "fp1")]);
      expect(stays).toEqual({ open: [], reopen: [], resolve: [] });
      const renewed = planAlerts({
        ...base,
        report: report({ days: 44, lifetimeDays: 45, fingerprint: "fp2" }),
        previous: { grade: "A", fingerprint: "fp1", renewalDueAt: sooner },
        existing: [alert("early_renewal:fp1", "notified", "fp1")],
      });
      expect(renewed.resolve).toEqual([{ id: "early_renewal:fp1", notify: true }]);
    });
  });

  describe("incomplete scans", () => {
    const incomplete = (count: number, existing: ExistingAlert[] = []) =>
      planAlerts({
        ...base,
        report: { ...report({}), gradeProvisional: true },
        failures: { count, lastError: "incomplete: protocol.tls1_0 (timed out waiting for an answer)" },
        previous: { grade: "A", fingerprint: "fp1" },
        existing,
      });

    it("get the failing-scan alert after the threshold in a row, not a silently better grade", () => {
      expect(incomplete(2).open).toEqual([]);
      const third = incomplete(3);
      expect(third.open.map((draft) => [draft.key, draft.title, draft.detail])).toEqual([
        [
          "scan_failing",
          "Scans of api.example.com:443 are incomplete (3 in a row)",
          "incomplete: protocol.tls1_0 (timed out waiting for an answer)",
        ],
      ]);
    });

    it("resolve it once a scan completes", () => {
      const complete = planAlerts({
        ...base,
        report: report({}),
        previous: { grade: "A", fingerprint: "fp1" },
        existing: [alert("scan_failing", "notified")],
      });
      expect(complete.resolve).toEqual([{ id: "scan_failing", notify: true }]);
    });
  });
});
