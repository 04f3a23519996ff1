import {
  createChain,
  type RenewalWindow,
  renewalInfoIdOf,
  startAcmeServer,
  startTlsServer,
} from "@port443/testing";
import { describe, expect, it } from "vitest";
import { directoryFor } from "../src/ari/directory-for";
import { RenewalInfoSource, renewalInfoId, retryAfterMs } from "../src/ari/renewal-info";
import type { ParsedCertificate } from "../src/certificate";
import { parseCertificate } from "../src/certificate";
import { closedAfterEach, findingIds, scanLocal, severityOf } from "./support/scan-case.ts";

const DAY = 86_400_000;
const serve = closedAfterEach();

/** A 45-day leaf served over TLS, an ACME server for its CA, and scans that ask that server. */
async function ariCase(window?: (leafId: string) => RenewalWindow, retryAfter?: string) {
  const chain = await createChain({
    leaf: { notBefore: new Date(Date.now() - 10 * DAY), notAfter: new Date(Date.now() + 35 * DAY) },
  });
  const windows = new Map<string, RenewalWindow>();
  const id = renewalInfoIdOf(chain.leaf);
  if (window) windows.set(id, window(id));
  const acme = await serve(startAcmeServer(windows, { retryAfter }));
  const tls = await serve(
    startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" }),
  );
  const scanWith = (source = new RenewalInfoSource()) =>
    scanLocal(tls, {
      extraCaPems: [chain.root.pem],
      acme: { directories: { byIssuerKeyId: {}, all: acme.directoryUrl }, source },
    });
  return { ...chain, acme, windows, id, scanWith };
}

describe("ACME Renewal Information", () => {
  it("reports an early-renewal request when the CA's window has opened, and renews by its end", async () => {
    const start = new Date(Date.now() - DAY);
    const end = new Date(Date.now() + DAY);
    const { scanWith, acme, id } = await ariCase(() => ({
      start,
      end,
      explanationURL: "https://ca.example/incidents/42",
    }));
    const report = await scanWith();
    expect(acme.requests).toEqual(["/directory", `/renewal-info/${id}`]);
    expect(severityOf(report, "cert.early_renewal_requested")).toBe("high");
    const detail = report.findings.find((finding) => finding.id === "cert.early_renewal_requested")?.detail;
    expect(detail).toContain("https://ca.example/incidents/42");
    expect(report.renewal).toMatchObject({
      source: "ari",
      dueAt: end.toISOString(),
      ari: {
        directory: acme.directoryUrl,
        window: { start: start.toISOString(), end: end.toISOString() },
        explanationUrl: "https://ca.example/incidents/42",
        error: null,
      },
    });
  });

  it("takes a window in the future as the renewal point without raising anything", async () => {
    const end = new Date(Date.now() + 20 * DAY);
    const { scanWith } = await ariCase(() => ({ start: new Date(Date.now() + 19 * DAY), end }));
    const report = await scanWith();
    expect(findingIds(report)).not.toContain("cert.early_renewal_requested");
    expect(report.renewal).toMatchObject({ source: "ari", dueAt: end.toISOString() });
    expect(report.grade).toBe("A+");
  });

  it("keeps the answer until the Retry-After: a second scan asks nothing", async () => {
    const { scanWith, acme } = await ariCase(
      () => ({ start: new Date(Date.now() + DAY), end: new Date(Date.now() + 2 * DAY) }),
      "3600",
    );
    const source = new RenewalInfoSource();
    await scanWith(source);
    const asked = acme.requests.length;
    await scanWith(source);
    expect(acme.requests.length).toBe(asked);
    expect(source.requests).toBe(2); // the directory and the renewal information, once
  });

  it("falls back to two thirds of the lifetime, and says why, when the CA does not know the certificate", async () => {
    const { scanWith } = await ariCase(); // no window: 404
    const report = await scanWith();
    expect(report.renewal?.source).toBe("lifetime");
    expect(report.renewal?.ari).toMatchObject({ window: null, error: expect.stringContaining("HTTP 404") });
    expect(findingIds(report)).not.toContain("cert.early_renewal_requested");
  });
});

describe("ARI request details", () => {
  it("builds the certificate identifier as RFC 9773's example does (no padding, the serial's leading zero kept)", () => {
    const cert = {
      authorityKeyId: Buffer.from("69885b6b87464041e1b37b847ba0ae2cde01c8d4", "hex"),
      serial: Buffer.from("0087654321", "hex"),
    } as ParsedCertificate;
    expect(renewalInfoId(cert)).toBe("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE");
  });

  it("honours Retry-After within a minute and a day, six hours without one", () => {
    const now = Date.parse("2026-12-04T00:00:00Z");
    expect(retryAfterMs("21600", now)).toBe(21_600_000);
    expect(retryAfterMs("5", now)).toBe(60_000);
    expect(retryAfterMs("999999", now)).toBe(86_400_000);
    expect(retryAfterMs("Fri, 04 Dec 2026 02:00:00 GMT", now)).toBe(7_200_000);
    expect(retryAfterMs(undefined, now)).toBe(21_600_000);
    expect(retryAfterMs("soon", now)).toBe(21_600_000);
  });

  it("picks the directory: configured per issuer, then for all, then a public ACME CA by issuer", async () => {
    const letsEncrypt = await createChain({ intermediate: { subject: "C=US, O=Let's Encrypt, CN=R12" } });
    const leaf = parseCertificate(letsEncrypt.leaf.der);
    expect(directoryFor(leaf)).toBe("https://acme-v02.api.letsencrypt.org/directory");
    const keyId = leaf.authorityKeyId!.toString("hex");
    expect(directoryFor(leaf, { byIssuerKeyId: { [keyId]: "https://acme.internal/dir" } })).toBe(
      "https://acme.internal/dir",
    );
    expect(directoryFor(leaf, { byIssuerKeyId: {}, all: "https://acme.all/dir" })).toBe(
      "https://acme.all/dir",
    );
    const privateCa = await createChain();
    expect(directoryFor(parseCertificate(privateCa.leaf.der))).toBeUndefined();
  });
});
