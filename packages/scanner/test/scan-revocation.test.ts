import { createChain, createCrl, startHttpServer, startTlsServer } from "@port443/testing";
import { describe, expect, it } from "vitest";
import { parseCrl } from "../src/revocation/crl-parse";
import { CRL_MAX_BYTES, CrlSource } from "../src/revocation/crl-source";
import { capReasons, closedAfterEach, findingIds, scanLocal, severityOf } from "./support/scan-case.ts";

const HOUR = 3_600_000;
const YEAR_HSTS = "max-age=31536000; includeSubDomains";
const serve = closedAfterEach();

/**
 * A chain whose leaf names a CRL on a local HTTP server (`routes["/leaf.crl"]`, filled by the
 * case), served over TLS; each scan gets a CRL source of its own unless one is given.
 */
async function crlCase() {
  const routes: Record<string, { body: Buffer; type?: string }> = {};
  const http = await serve(startHttpServer(routes));
  const crlUrl = http.url("/leaf.crl");
  const chain = await createChain({ leaf: { crlUrl } });
  const tls = await serve(startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: YEAR_HSTS }));
  const scanWith = (crls = new CrlSource()) => scanLocal(tls, { extraCaPems: [chain.root.pem], crls });
  return { ...chain, routes, http, crlUrl, scanWith };
}

const crlType = "application/pkix-crl";

describe("revocation through CRLs", () => {
  it("reports a certificate on its CA's CRL as revoked, with the date and reason", async () => {
    const at = new Date(Date.now() - 5 * HOUR);
    const { routes, scanWith, intermediate, leaf, crlUrl } = await crlCase();
    routes["/leaf.crl"] = {
      body: createCrl({ issuer: intermediate, revoked: [{ cert: leaf, at, reason: "keyCompromise" }] }),
      type: crlType,
    };
    const report = await scanWith();
    expect(report.revocation).toMatchObject({ status: "revoked", source: "crl" });
    expect(report.revocation.crls).toEqual([
      expect.objectContaining({
        url: crlUrl,
        certificate: "CN=leaf.test",
        outcome: "revoked",
        revokedAt: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(),
        reason: "keyCompromise",
        stale: false,
        error: null,
      }),
    ]);
    expect(severityOf(report, "cert.revoked")).toBe("critical");
    // Revoked by its CA's CRL grades T, as revoked by OCSP does.
    expect(report.grade).toBe("T");
    expect(capReasons(report)).toContain("T: certificate revoked");
    expect(report.findings.find((finding) => finding.id === "cert.revoked")?.detail).toContain(
      "reason keyCompromise",
    );
  });

  it("reports a certificate absent from a fresh, valid CRL as good, decided by the CRL", async () => {
    const { routes, scanWith, intermediate } = await crlCase();
    routes["/leaf.crl"] = { body: createCrl({ issuer: intermediate, padding: 50 }), type: crlType };
    const report = await scanWith();
    expect(report.revocation).toMatchObject({ status: "good", source: "crl" });
    expect(report.revocation.crls[0]).toMatchObject({ outcome: "good", stale: false, cached: false });
    expect(findingIds(report)).not.toContain("cert.revoked");
    expect(findingIds(report)).not.toContain("cert.crl_stale");
    expect(report.grade).toBe("A+");
  });

  it("flags a CRL past its nextUpdate as stale (low) and still reads it", async () => {
    const { routes, scanWith, intermediate, leaf } = await crlCase();
    routes["/leaf.crl"] = {
      body: createCrl({
        issuer: intermediate,
        revoked: [{ cert: leaf }],
        thisUpdate: new Date(Date.now() - 48 * HOUR),
        nextUpdate: new Date(Date.now() - 24 * HOUR),
      }),
      type: crlType,
    };
    const report = await scanWith();
    expect(severityOf(report, "cert.crl_stale")).toBe("low");
    expect(report.revocation.crls[0]).toMatchObject({ stale: true, outcome: "revoked" });
    expect(report.revocation.status).toBe("revoked");
  });

  it("gives no verdict from a CRL signed by another key", async () => {
    const { routes, scanWith, intermediate, root } = await crlCase();
    routes["/leaf.crl"] = { body: createCrl({ issuer: intermediate, signer: root }), type: crlType };
    const report = await scanWith();
    expect(report.revocation).toMatchObject({ status: "unknown", source: null });
    expect(report.revocation.crls[0]).toMatchObject({
      outcome: "error",
      error: { code: "crl_bad_signature", message: expect.stringContaining("Port443 Test Intermediate CA") },
    });
    expect(findingIds(report)).not.toContain("cert.revoked");
  });

  it("gives no verdict from a CRL whose Issuing Distribution Point is another URL", async () => {
    const { routes, scanWith, intermediate, leaf, http } = await crlCase();
    routes["/leaf.crl"] = {
      body: createCrl({
        issuer: intermediate,
        revoked: [{ cert: leaf }],
        distributionPoint: http.url("/other.crl"),
      }),
      type: crlType,
    };
    const report = await scanWith();
    expect(report.revocation.status).toBe("unknown");
    expect(report.revocation.crls[0]?.error?.code).toBe("crl_wrong_scope");
  });

  it("accepts a CRL whose Issuing Distribution Point is its own URL (a Let's Encrypt shard)", async () => {
    const { routes, scanWith, intermediate, leaf, crlUrl } = await crlCase();
    routes["/leaf.crl"] = {
      body: createCrl({ issuer: intermediate, revoked: [{ cert: leaf }], distributionPoint: crlUrl }),
      type: crlType,
    };
    expect((await scanWith()).revocation).toMatchObject({ status: "revoked", source: "crl" });
  });

  it("refuses a CRL over 10 MB without holding it, and says so", async () => {
    const { routes, scanWith } = await crlCase();
    routes["/leaf.crl"] = { body: Buffer.alloc(CRL_MAX_BYTES + 1), type: crlType };
    const report = await scanWith();
    expect(report.revocation.status).toBe("unknown");
    expect(report.revocation.crls[0]?.error).toEqual({
      code: "crl_too_large",
      message: expect.stringContaining("larger than 10 MB"),
    });
  });

  it("treats an unreachable CRL as no verdict, never as revoked", async () => {
    const { scanWith } = await crlCase(); // no route: 404
    const report = await scanWith();
    expect(report.revocation).toMatchObject({ status: "unknown", source: null });
    expect(report.revocation.crls[0]?.error?.code).toBe("crl_unreachable");
    expect(report.error).toBeNull();
    expect(findingIds(report)).not.toContain("cert.revoked");
  });

  it("fetches a CRL once and answers the next scans from the cache until nextUpdate", async () => {
    const { routes, scanWith, intermediate, leaf, http } = await crlCase();
    routes["/leaf.crl"] = {
      body: createCrl({ issuer: intermediate, revoked: [{ cert: leaf }] }),
      type: crlType,
    };
    const source = new CrlSource();
    const first = await scanWith(source);
    const connectionsAfterFirst = http.connections;
    const second = await scanWith(source);
    expect(source.fetches).toBe(1);
    expect(http.connections).toBe(connectionsAfterFirst);
    expect(first.revocation.crls[0]?.cached).toBe(false);
    expect(second.revocation.crls[0]).toMatchObject({ cached: true, outcome: "revoked" });
  });

  it("checks the intermediate against the root's CRL too", async () => {
    const routes: Record<string, { body: Buffer; type?: string }> = {};
    const http = await serve(startHttpServer(routes));
    const { root, intermediate, leaf } = await createChain({
      intermediate: { crlUrl: http.url("/root.crl") },
    });
    routes["/root.crl"] = {
      body: createCrl({ issuer: root, revoked: [{ cert: intermediate }] }),
      type: crlType,
    };
    const tls = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS }));
    const report = await scanLocal(tls, { extraCaPems: [root.pem], crls: new CrlSource() });
    expect(report.revocation).toMatchObject({ status: "revoked", source: "crl" });
    expect(report.revocation.crls.map((check) => [check.certificate, check.outcome])).toEqual([
      ["CN=Port443 Test Intermediate CA", "revoked"],
    ]);
  });
});

describe("CRL parsing", () => {
  it("reads times, entries, reasons and the distribution point of a CRL", async () => {
    const { intermediate, leaf } = await createChain();
    const crl = parseCrl(
      createCrl({
        issuer: intermediate,
        revoked: [{ cert: leaf, reason: "superseded" }],
        distributionPoint: "http://crl.example/1.crl",
        padding: 3,
      }),
    );
    expect(crl.revoked.size).toBe(4);
    expect(crl.revoked.get(leaf.serialHex.toLowerCase().replace(/^(00)+/, ""))?.reason).toBe("superseded");
    expect(crl.distributionPointUrls).toEqual(["http://crl.example/1.crl"]);
    expect(crl.nextUpdate!.getTime()).toBeGreaterThan(crl.thisUpdate.getTime());
  });

  it("rejects what is not a CRL", () => {
    expect(() => parseCrl(Buffer.from("not a crl"))).toThrow();
  });
});
