import {
  createChain,
  createOcspResponse,
  issueCert,
  startHttpServer,
  startTlsServer,
} from "@port443/testing";
import { describe, expect, it } from "vitest";
import { createTrustStore } from "../src/chain/trust-store";
import {
  capReasons,
  closedAfterEach,
  detailOf,
  findingIds,
  scanLocal,
  severityOf,
} from "./support/scan-case.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Days (and hours) from now, a minute off the boundary so a slow scan does not cross it. */
const ago = (days: number, hours = 0) => new Date(Date.now() - days * DAY - hours * HOUR - 60_000);
const ahead = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * HOUR + 60_000);
const YEAR_HSTS = "max-age=31536000; includeSubDomains";
const serve = closedAfterEach();

describe("a well-configured endpoint", () => {
  it("gets A+ with no findings and the full report", async () => {
    const { root, intermediate, leaf } = await createChain();
    const staple = createOcspResponse({ cert: leaf, issuer: intermediate, status: "good" });
    const served = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS, staple }));
    const report = await scanLocal(served, { extraCaPems: [root.pem] });
    expect(report.error).toBeNull();
    expect(report.findings).toEqual([]);
    expect(report.grade).toBe("A+");
    expect(report.trusted).toBe(true);
    expect(report.hostnameMatches).toBe(true);
    expect(report.chain.map((cert) => cert.subject)).toEqual([
      "CN=leaf.test",
      "CN=Port443 Test Intermediate CA",
      "CN=Port443 Test Root CA",
    ]);
    expect(report.certificate).toMatchObject({
      subject: "CN=leaf.test",
      keyType: "EC",
      keyBits: 256,
      sans: ["leaf.test"],
    });
    expect(report.certificate?.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.protocols).toMatchObject({
      sslv2: false,
      sslv3: false,
      tls1_0: false,
      tls1_1: false,
      tls1_2: true,
      tls1_3: true,
    });
    expect(report.ciphers.tls1_3).toContain("TLS_AES_256_GCM_SHA384");
    expect(report.negotiated).toMatchObject({ protocol: "tls1_3", alpn: "http/1.1" });
    expect(report.ocsp).toEqual({ stapled: true, status: "good", source: "stapled" });
    expect(report.hsts).toEqual({ maxAge: 31_536_000, includeSubDomains: true, preload: false });
  });
});

/** A server sending only its leaf, whose issuer is published at an AIA URL served from `aiaHost`. */
async function leafWithoutIntermediate(aiaHost: string) {
  const root = await issueCert({ subject: "CN=AIA Root", ca: true });
  const intermediate = await issueCert({ subject: "CN=AIA Intermediate", ca: true, issuer: root });
  const aia = await serve(startHttpServer({ "/intermediate.cer": { body: intermediate.der } }, aiaHost));
  const leaf = await issueCert({
    subject: "CN=leaf.test",
    dnsNames: ["leaf.test"],
    issuer: intermediate,
    aiaCaIssuers: aia.url("/intermediate.cer"),
  });
  return { root, served: await serve(startTlsServer({ chain: [leaf], hsts: YEAR_HSTS })) };
}

describe("certificate rules", () => {
  const cases: {
    name: string;
    chain: () => ReturnType<typeof createChain>;
    serveIntermediate?: boolean;
    trustRoot?: boolean;
    rule: string;
    /** A rule the case must not raise. */
    absent?: string;
    severity: string;
    cap?: string;
    grade?: string;
  }[] = [
    {
      name: "expired",
      chain: () =>
        createChain({
          leaf: { notBefore: new Date(Date.now() - 60 * DAY), notAfter: new Date(Date.now() - DAY) },
        }),
      rule: "cert.expired",
      severity: "critical",
      cap: "T: certificate expired",
      grade: "T",
    },
    {
      name: "not yet valid",
      chain: () =>
        createChain({
          leaf: { notBefore: new Date(Date.now() + 2 * DAY), notAfter: new Date(Date.now() + 60 * DAY) },
        }),
      rule: "cert.not_yet_valid",
      severity: "critical",
      cap: "T: certificate not yet valid",
      grade: "T",
    },
    {
      name: "a 90-day certificate expiring in 5 days",
      chain: () => createChain({ leaf: { notBefore: ago(85), notAfter: ahead(5) } }),
      rule: "cert.expiring_soon",
      severity: "critical",
    },
    {
      name: "a 90-day certificate expiring in 12 days",
      chain: () => createChain({ leaf: { notBefore: ago(78), notAfter: ahead(12) } }),
      rule: "cert.expiring_soon",
      severity: "high",
    },
    {
      name: "a 90-day certificate expiring in 25 days",
      chain: () => createChain({ leaf: { notBefore: ago(65), notAfter: ahead(25) } }),
      rule: "cert.expiring_soon",
      severity: "medium",
    },
    {
      name: "a 398-day certificate with 29 days left (the usual 30-day warning, renewal not tracked)",
      chain: () => createChain({ leaf: { notBefore: ago(369), notAfter: ahead(29) } }),
      rule: "cert.expiring_soon",
      severity: "medium",
      absent: "cert.renewal_overdue",
    },
    {
      name: "a 45-day certificate 40 days in (renewal overdue)",
      chain: () => createChain({ leaf: { notBefore: ago(40), notAfter: ahead(5) } }),
      rule: "cert.renewal_overdue",
      severity: "high",
    },
    {
      name: "a 6-day certificate with a third of its lifetime left",
      chain: () => createChain({ leaf: { notBefore: ago(4, 1), notAfter: ahead(1, 23) } }),
      rule: "cert.expiring_soon",
      severity: "medium",
      absent: "cert.renewal_overdue",
    },
    {
      name: "a 6-day certificate in its final 20 hours",
      chain: () => createChain({ leaf: { notBefore: ago(5, 4), notAfter: ahead(0, 20) } }),
      rule: "cert.expiring_soon",
      severity: "critical",
    },
    {
      name: "for another name",
      chain: () => createChain({ leaf: { subject: "CN=other.test", dnsNames: ["other.test"] } }),
      rule: "cert.hostname_mismatch",
      severity: "critical",
      cap: "M: certificate name mismatch",
      grade: "M",
    },
    {
      name: "from an unknown CA",
      chain: () => createChain(),
      trustRoot: false,
      rule: "cert.untrusted_issuer",
      severity: "critical",
      cap: "T: certificate not trusted",
      grade: "T",
    },
    {
      name: "with an RSA 1024-bit key",
      chain: () => createChain({ leaf: { key: { type: "rsa", bits: 1024 } } }),
      rule: "cert.weak_key",
      severity: "high",
      cap: "B: RSA key smaller than 2048 bits",
    },
    {
      name: "with an RSA 512-bit key",
      chain: () => createChain({ leaf: { key: { type: "rsa", bits: 512 } } }),
      rule: "cert.weak_key",
      severity: "critical",
      cap: "F: RSA key smaller than 1024 bits",
      grade: "F",
    },
    {
      name: "signed with SHA-1",
      chain: () => createChain({ leaf: { signatureHash: "sha1" } }),
      rule: "cert.weak_signature",
      severity: "high",
      cap: "T: SHA-1 signature on the certificate",
      grade: "T",
    },
    {
      name: "whose intermediate is signed with MD5",
      chain: () =>
        createChain({ root: { key: { type: "rsa", bits: 2048 } }, intermediate: { signatureHash: "md5" } }),
      rule: "cert.weak_signature",
      severity: "critical",
      cap: "F: MD5 signature in the chain",
      grade: "F",
    },
    {
      name: "valid for 500 days",
      chain: () => createChain({ leaf: { notAfter: new Date(Date.now() + 499 * DAY) } }),
      trustRoot: false,
      rule: "cert.lifetime_too_long",
      severity: "medium",
    },
    {
      name: "whose intermediate expires in 10 days",
      chain: () => createChain({ intermediate: { notAfter: new Date(Date.now() + 10 * DAY) } }),
      rule: "cert.intermediate_expiring",
      severity: "medium",
    },
  ];

  it.each(cases)("finds a certificate $name ($rule, $severity)", async (testCase) => {
    const { root, intermediate, leaf } = await testCase.chain();
    const weak = leaf.spec.key?.type === "rsa" && leaf.spec.key.bits < 1024;
    const served = await serve(
      startTlsServer({
        chain: [leaf, intermediate],
        hsts: YEAR_HSTS,
        maxVersion: weak ? "TLSv1.2" : undefined,
      }),
    );
    const report = await scanLocal(served, { extraCaPems: testCase.trustRoot === false ? [] : [root.pem] });
    expect(report.error).toBeNull();
    expect(findingIds(report)).toContain(testCase.rule);
    expect(severityOf(report, testCase.rule)).toBe(testCase.severity);
    if (testCase.absent) expect(findingIds(report)).not.toContain(testCase.absent);
    if (testCase.cap) expect(capReasons(report)).toContain(testCase.cap);
    if (testCase.grade) expect(report.grade).toBe(testCase.grade);
  });

  it("raises nothing about expiry for a fresh 6-day certificate, and reports its renewal point", async () => {
    const notBefore = ago(0, 2);
    const { root, intermediate, leaf } = await createChain({ leaf: { notBefore, notAfter: ahead(5, 22) } });
    const served = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS }));
    const report = await scanLocal(served, { extraCaPems: [root.pem] });
    expect(report.findings).toEqual([]);
    expect(report.grade).toBe("A+");
    const lifetime =
      new Date(report.certificate!.notAfter).getTime() - new Date(report.certificate!.notBefore).getTime();
    expect(report.renewal).toMatchObject({ lifetimeDays: 6, source: "lifetime", tracked: true });
    expect(new Date(report.renewal!.dueAt).getTime()).toBe(
      new Date(report.certificate!.notBefore).getTime() + (lifetime * 2) / 3,
    );
    // Grace: a tenth of the lifetime (14.4 hours here).
    expect(new Date(report.renewal!.overdueAt).getTime() - new Date(report.renewal!.dueAt).getTime()).toBe(
      lifetime / 10,
    );
  });

  it("finds a self-signed leaf", async () => {
    const leaf = await issueCert({ subject: "CN=leaf.test", dnsNames: ["leaf.test"] });
    const served = await serve(startTlsServer({ chain: [leaf], hsts: YEAR_HSTS }));
    const report = await scanLocal(served);
    expect(findingIds(report)).toContain("cert.self_signed");
    expect(findingIds(report)).not.toContain("cert.untrusted_issuer");
    expect(capReasons(report)).toContain("T: self-signed certificate");
    expect(report.grade).toBe("T");
    expect(report.trusted).toBe(false);
  });

  it("trusts a self-signed leaf pinned through the extra CAs", async () => {
    const leaf = await issueCert({ subject: "CN=leaf.test", dnsNames: ["leaf.test"] });
    const served = await serve(startTlsServer({ chain: [leaf], hsts: YEAR_HSTS }));
    const report = await scanLocal(served, { extraCaPems: [leaf.pem] });
    expect(findingIds(report)).not.toContain("cert.self_signed");
    expect(report.trusted).toBe(true);
  });

  it("completes a chain through AIA and reports it incomplete", async () => {
    const { root, served } = await leafWithoutIntermediate("127.0.0.1");
    const report = await scanLocal(served, { extraCaPems: [root.pem] });
    expect(findingIds(report)).toContain("cert.chain_incomplete");
    expect(severityOf(report, "cert.chain_incomplete")).toBe("high");
    expect(capReasons(report)).toContain("B: incomplete certificate chain");
    expect(report.trusted).toBe(true);
    expect(report.chain.map((cert) => cert.subject)).toEqual([
      "CN=leaf.test",
      "CN=AIA Intermediate",
      "CN=AIA Root",
    ]);
  });

  it("fetches AIA issuers only from addresses the policy allows", async () => {
    const { root, served } = await leafWithoutIntermediate("127.0.0.2");
    const onlyTarget = {
      check: (ip: string) =>
        ip === "127.0.0.1"
          ? { allowed: true as const }
          : { allowed: false as const, kind: "private" as const, reason: "not the target" },
    };
    const report = await scanLocal(served, { extraCaPems: [root.pem], policy: onlyTarget });
    expect(report.error).toBeNull();
    expect(report.trusted).toBe(false);
    // The intermediate could not be fetched: missing, and trust cannot be told.
    expect(detailOf(report, "cert.chain_incomplete")).toMatch(
      /^The server does not send the intermediate CA that issued CN=leaf\.test: CN=AIA Intermediate, and it could not be fetched from http:\/\/127\.0\.0\.2:\d+\/intermediate\.cer\./,
    );
    expect(detailOf(report, "cert.untrusted_issuer")).toContain(
      "whether it leads to a trusted CA is unknown",
    );
  });

  it("names the missing intermediate when the server sends only the leaf and it has no AIA URL", async () => {
    const { root, intermediate, leaf } = await createChain();
    const served = await serve(startTlsServer({ chain: [leaf], hsts: YEAR_HSTS }));
    const report = await scanLocal(served, { extraCaPems: [root.pem] });
    expect(severityOf(report, "cert.chain_incomplete")).toBe("high");
    expect(detailOf(report, "cert.chain_incomplete")).toBe(
      `The server does not send the intermediate CA that issued CN=leaf.test: ${intermediate.spec.subject}, and the certificate names no AIA URL to fetch it from. Browsers that do not have it cached will refuse the connection.`,
    );
    expect(detailOf(report, "cert.untrusted_issuer")).toBe(
      `The chain cannot be followed past the certificate itself: its issuer ${intermediate.spec.subject} is missing, so whether it leads to a trusted CA is unknown.`,
    );
    // Served with its intermediate, the same leaf is trusted and complete.
    const complete = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS }));
    const fixed = await scanLocal(complete, { extraCaPems: [root.pem] });
    expect(findingIds(fixed)).not.toContain("cert.chain_incomplete");
    expect(fixed.trusted).toBe(true);
  });

  it("says a chain ending at an unknown root is untrusted, not incomplete", async () => {
    const { intermediate, leaf } = await createChain();
    const served = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS }));
    const report = await scanLocal(served);
    expect(findingIds(report)).not.toContain("cert.chain_incomplete");
    expect(detailOf(report, "cert.untrusted_issuer")).toBe(
      "The chain ends at CN=Port443 Test Intermediate CA, issued by CN=Port443 Test Root CA, which is not a trusted CA.",
    );
  });

  it("reports a revoked certificate from its stapled OCSP response", async () => {
    const { root, intermediate, leaf } = await createChain();
    const staple = createOcspResponse({ cert: leaf, issuer: intermediate, status: "revoked" });
    const served = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS, staple }));
    const report = await scanLocal(served, { extraCaPems: [root.pem] });
    expect(severityOf(report, "cert.revoked")).toBe("critical");
    expect(capReasons(report)).toContain("T: certificate revoked");
    expect(report.ocsp).toEqual({ stapled: true, status: "revoked", source: "stapled" });
  });

  it("reports a revoked certificate from the CA's OCSP responder when nothing is stapled", async () => {
    const root = await issueCert({ subject: "CN=OCSP Root", ca: true });
    const intermediate = await issueCert({ subject: "CN=OCSP Intermediate", ca: true, issuer: root });
    const routes: Record<string, { body: Buffer; type?: string }> = {};
    const responder = await serve(startHttpServer(routes));
    const leaf = await issueCert({
      subject: "CN=leaf.test",
      dnsNames: ["leaf.test"],
      issuer: intermediate,
      ocspUrl: responder.url("/"),
    });
    routes["/"] = {
      body: createOcspResponse({ cert: leaf, issuer: intermediate, status: "revoked" }),
      type: "application/ocsp-response",
    };
    const served = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS }));
    const report = await scanLocal(served, { extraCaPems: [root.pem] });
    expect(report.ocsp).toEqual({ stapled: false, status: "revoked", source: "fetched" });
    expect(findingIds(report)).toContain("cert.revoked");
    // The certificate names a responder, so stapling was possible: informational.
    expect(severityOf(report, "ocsp.no_stapling")).toBe("info");
  });

  it("asks for SCTs only on publicly trusted chains", async () => {
    const { root, intermediate, leaf } = await createChain();
    const served = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS }));
    const privateCa = await scanLocal(served, { extraCaPems: [root.pem] });
    expect(findingIds(privateCa)).not.toContain("cert.no_sct");
    // The same root, counted as a public one, as Mozilla's roots are.
    const store = createTrustStore([root.pem]);
    const publicStore = { ...store, isPublic: () => true };
    const asPublic = await scanLocal(served, { trustStore: publicStore });
    expect(severityOf(asPublic, "cert.no_sct")).toBe("low");
    const {
      root: root2,
      intermediate: intermediate2,
      leaf: withSct,
    } = await createChain({ leaf: { sct: true } });
    const servedSct = await serve(startTlsServer({ chain: [withSct, intermediate2], hsts: YEAR_HSTS }));
    const store2 = createTrustStore([root2.pem]);
    const withScts = await scanLocal(servedSct, { trustStore: { ...store2, isPublic: () => true } });
    expect(findingIds(withScts)).not.toContain("cert.no_sct");
  });
});
