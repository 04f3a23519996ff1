import { renewalOf, type ScanReport } from "@port443/scanner";
import { describe, expect, it } from "vitest";
import { planAlerts } from "../src/alerts/plan";
import { defaultPolicy, type EffectivePolicy } from "../src/policy";
import { nextAlertBoundary } from "../src/schedule/alert-boundary";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** What the scanner reports about one certificate at `now`: whole days left, overdue renewal. */
function reportAt(now: Date, notBefore: Date, notAfter: Date): ScanReport {
  const renewal = renewalOf(notBefore, notAfter);
  const overdue =
    renewal.tracked && now >= renewal.overdueAt && now <= notAfter
      ? [{ id: "cert.renewal_overdue", severity: "high", title: "", detail: "overdue", remediation: "" }]
      : [];
  return {
    scannedAt: now.toISOString(),
    grade: "A",
    gradeCaps: [],
    findings: overdue,
    chain: [],
    certificate: {
      daysRemaining: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
      fingerprintSha256: "fp1",
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      issuer: "CN=Test CA",
    },
    renewal: {
      ...renewal,
      dueAt: renewal.dueAt.toISOString(),
      overdueAt: renewal.overdueAt.toISOString(),
      ari: null,
    },
  } as unknown as ScanReport;
}

/** The alert keys planAlerts wants for this certificate at `now`. */
const keysAt = (now: Date, notBefore: Date, notAfter: Date, policy: EffectivePolicy) =>
  planAlerts({
    label: "api.example.com:443",
    report: reportAt(now, notBefore, notAfter),
    failures: { count: 0, lastError: null },
    previous: { grade: "A", fingerprint: "fp1" },
    existing: [],
    policy,
  })
    .open.map((draft) => draft.key)
    .sort();

/**
 * Walks a certificate's life from `start` boundary to boundary: at each one the alerts planAlerts
 * wants must be what they were just after the previous one, and change right after it (or the
 * boundary is one of the moments the test lists as quiet).
 */
function walk(notBefore: Date, notAfter: Date, policy: EffectivePolicy, start: Date) {
  const seen: { at: Date; keys: string[] }[] = [];
  let now = start;
  for (let step = 0; step < 20; step++) {
    const boundary = nextAlertBoundary(reportAt(now, notBefore, notAfter), policy, now);
    if (!boundary) break;
    expect(boundary.getTime()).toBeGreaterThan(now.getTime());
    const before = keysAt(new Date(boundary.getTime() - MINUTE_MS), notBefore, notAfter, policy);
    expect(before).toEqual(keysAt(now, notBefore, notAfter, policy));
    const after = keysAt(new Date(boundary.getTime() + 1), notBefore, notAfter, policy);
    seen.push({ at: boundary, keys: after });
    now = new Date(boundary.getTime() + 1);
  }
  return seen;
}

describe("nextAlertBoundary: when a certificate's alerts change with time alone", () => {
  it("a yearly certificate: each day threshold of the policy, then expiry", () => {
    const notAfter = new Date(Date.UTC(2027, 5, 1));
    const notBefore = new Date(notAfter.getTime() - 398 * DAY_MS);
    const start = new Date(notAfter.getTime() - 100 * DAY_MS);
    const seen = walk(notBefore, notAfter, defaultPolicy, start);
    // Every threshold opens its alert the moment after its boundary, the last one expiry.
    expect(seen.map((entry) => entry.keys.join())).toEqual([
      ...[...defaultPolicy.expiryThresholds].sort((a, b) => b - a).map((days) => `expiry:${days}:fp1`),
      "expired:fp1",
    ]);
    expect(seen.at(-1)!.at).toEqual(notAfter);
  });

  it("a 45-day certificate in lifetime mode: renewal overdue, then the final stretch, then expiry", () => {
    const notBefore = new Date(Date.UTC(2026, 11, 1));
    const notAfter = new Date(notBefore.getTime() + 45 * DAY_MS);
    const seen = walk(notBefore, notAfter, { ...defaultPolicy, expiryMode: "lifetime" }, notBefore);
    expect(seen.map((entry) => entry.keys.join())).toEqual([
      "renewal_overdue:fp1",
      "expiry:final:fp1,renewal_overdue:fp1",
      "expired:fp1",
    ]);
    expect(seen[0]!.at).toEqual(renewalOf(notBefore, notAfter).overdueAt);
  });

  it("a 6-day certificate renewed on time never reaches a boundary that alerts before its renewal point", () => {
    const notBefore = new Date(Date.UTC(2026, 11, 1));
    const notAfter = new Date(notBefore.getTime() + 6 * DAY_MS);
    const policy = { ...defaultPolicy, expiryMode: "lifetime" as const };
    const first = nextAlertBoundary(reportAt(notBefore, notBefore, notAfter), policy, notBefore)!;
    expect(first).toEqual(renewalOf(notBefore, notAfter).overdueAt);
    expect(keysAt(new Date(first.getTime() - MINUTE_MS), notBefore, notAfter, policy)).toEqual([]);
  });

  it("an ARI window still to open, and an intermediate nearing its expiry, are boundaries too", () => {
    const now = new Date(Date.UTC(2026, 11, 4));
    const notBefore = new Date(now.getTime() - 10 * DAY_MS);
    const notAfter = new Date(now.getTime() + 35 * DAY_MS);
    const report = reportAt(now, notBefore, notAfter);
    const windowStart = new Date(now.getTime() + 3 * DAY_MS);
    report.renewal!.ari = {
      directory: "https://acme.test/directory",
      window: { start: windowStart.toISOString(), end: new Date(now.getTime() + 4 * DAY_MS).toISOString() },
      explanationUrl: null,
      error: null,
    };
    const policy = { ...defaultPolicy, expiryMode: "lifetime" as const };
    expect(nextAlertBoundary(report, policy, now)).toEqual(windowStart);
    const intermediateExpiry = new Date(now.getTime() + 33 * DAY_MS);
    report.chain = [
      report.certificate!,
      { notAfter: intermediateExpiry.toISOString() },
    ] as ScanReport["chain"];
    expect(nextAlertBoundary(report, policy, now)).toEqual(
      new Date(intermediateExpiry.getTime() - 31 * DAY_MS),
    );
  });

  it("nothing ahead for an expired certificate, nothing at all without one", () => {
    const now = new Date(Date.UTC(2026, 11, 4));
    const report = reportAt(now, new Date(now.getTime() - 90 * DAY_MS), new Date(now.getTime() - DAY_MS));
    expect(nextAlertBoundary(report, defaultPolicy, now)).toBeNull();
    expect(nextAlertBoundary({ ...report, certificate: null }, defaultPolicy, now)).toBeNull();
  });
});
