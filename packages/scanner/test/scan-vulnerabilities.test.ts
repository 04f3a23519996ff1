import {
  createChain,
  type IssuedCert,
  startCcsInjectionFake,
  startCrimeFake,
  startHeartbleedFake,
  startRobotFake,
  startTlsServer,
} from "@port443/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { capReasons, closedAfterEach, findingIds, scanLocal } from "./support/scan-case";

const serve = closedAfterEach();
let chain: { root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert };
beforeAll(async () => {
  chain = await createChain();
});

describe("known vulnerabilities in a full scan", () => {
  it("a patched Node server: every probe that ran came out clean, and the grade is untouched", async () => {
    const served = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" }),
    );
    const report = await scanLocal(served, { extraCaPems: [chain.root.pem] });
    expect(report.grade).toBe("A+");
    expect(report.incomplete).toEqual([]);
    expect(report.findings.filter((finding) => finding.id.startsWith("vuln."))).toEqual([]);
    expect(Object.fromEntries(report.vulnerabilities.map((result) => [result.id, result.status]))).toEqual({
      "vuln.heartbleed": "not_applicable",
      "vuln.ccs_injection": "ok",
      "vuln.ticketbleed": "ok",
      // An ECDSA certificate: no RSA key transport, so no ROBOT probe.
      "vuln.robot": "not_run",
      "vuln.crime": "ok",
      // Node allows 3 per connection, then stops: limited, as testssl.sh rates it.
      "vuln.client_renegotiation": "ok",
      "protocol.no_fallback_scsv": "ok",
      "protocol.early_data": "ok",
      "protocol.grease_intolerant": "ok",
      "vuln.breach": "ok",
    });
  });

  it("Heartbleed grades F, and so does CCS injection; the well-behaved twins keep the grade", async () => {
    const real = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" }),
    );
    const bleeding = await serve(
      startHeartbleedFake({ upstreamPort: real.port, certificates: [chain.leaf.der], vulnerable: true }),
    );
    const heartbleedReport = await scanLocal(bleeding, { extraCaPems: [chain.root.pem] });
    expect(findingIds(heartbleedReport)).toContain("vuln.heartbleed");
    expect(capReasons(heartbleedReport)).toContain("F: Heartbleed");
    expect(heartbleedReport.grade).toBe("F");
    const injectable = await serve(startCcsInjectionFake(real.port, true));
    const ccsReport = await scanLocal(injectable, { extraCaPems: [chain.root.pem] });
    expect(capReasons(ccsReport)).toEqual(["F: CCS injection"]);
    expect(ccsReport.grade).toBe("F");
    for (const twin of [
      await serve(
        startHeartbleedFake({ upstreamPort: real.port, certificates: [chain.leaf.der], vulnerable: false }),
      ),
      await serve(startCcsInjectionFake(real.port, false)),
    ]) {
      const report = await scanLocal(twin, { extraCaPems: [chain.root.pem] });
      expect(report.grade).toBe("A+");
      expect(report.findings.filter((finding) => finding.id.startsWith("vuln."))).toEqual([]);
    }
  });

  it("CRIME: TLS compression caps the grade at C, with the finding saying what was chosen", async () => {
    const real = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" }),
    );
    const fake = await serve(startCrimeFake(real.port, [chain.leaf.der]));
    const report = await scanLocal(fake, { extraCaPems: [chain.root.pem] });
    expect(findingIds(report)).toContain("vuln.crime");
    expect(capReasons(report)).toContain("C: CRIME (TLS compression)");
    expect(report.grade).toBe("C");
  });

  it("ROBOT: an RSA padding oracle grades F; the same server patched is clean", async () => {
    const rsa = await createChain({ leaf: { key: { type: "rsa", bits: 2048 } } });
    const real = await serve(
      startTlsServer({
        chain: [rsa.leaf, rsa.intermediate],
        maxVersion: "TLSv1.2",
        ciphers: "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA:AES256-SHA",
        hsts: "max-age=31536000",
      }),
    );
    const patched = await scanLocal(real, { extraCaPems: [rsa.root.pem] });
    expect(patched.vulnerabilities.find((result) => result.id === "vuln.robot")?.status).toBe("ok");
    expect(findingIds(patched)).not.toContain("vuln.robot");
    const fake = await serve(
      startRobotFake({ upstreamPort: real.port, keyPem: rsa.leaf.keyPem, vulnerable: true }),
    );
    const report = await scanLocal(fake, { extraCaPems: [rsa.root.pem] });
    expect(findingIds(report)).toContain("vuln.robot");
    expect(capReasons(report)).toContain("F: ROBOT (RSA padding oracle)");
    expect(report.grade).toBe("F");
  });

  it("BREACH: a compressed HTTP response is a low hint that does not touch the grade", async () => {
    const served = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000", gzip: true }),
    );
    const report = await scanLocal(served, { extraCaPems: [chain.root.pem] });
    const breach = report.findings.find((finding) => finding.id === "vuln.breach");
    expect(breach).toMatchObject({
      severity: "low",
      detail: expect.stringContaining("Content-Encoding: gzip"),
    });
    expect(report.grade).toBe("A+");
  });

  it("a quick probe runs no vulnerability probe", async () => {
    const served = await serve(startTlsServer({ chain: [chain.leaf, chain.intermediate] }));
    const report = await scanLocal(served, { extraCaPems: [chain.root.pem], quick: true });
    expect(report.vulnerabilities).toEqual([]);
  });
});
