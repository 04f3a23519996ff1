import type { ScanReport } from "@port443/scanner";
import { describe, expect, it } from "vitest";
import { type ExistingAlert, planAlerts } from "../src/alerts/plan";
import { defaultPolicy } from "../src/policy";

const base = { label: "api.example.com:443", failures: { count: 0, lastError: null }, policy: defaultPolicy };

function report(
  overrides: { days?: number; fingerprint?: string; grade?: string; findings?: ScanReport["findings"] } = {},
): ScanReport {
  const days = overrides.days ?? 80;
  return {
    grade: overrides.grade ?? "A",
    gradeCaps: [],
    findings: overrides.findings ?? [],
    certificate: {
      daysRemaining: days,
      fingerprintSha256: overrides.fingerprint ?? "fp1",
      notAfter: new Date(Date.now() + days * 86_400_000).toISOString(),
      issuer: "CN=Test CA",
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
});
