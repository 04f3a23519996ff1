import { createAddressPolicy } from "@port443/net";
import { createChain, createCrl, issueCert, startHttpServer, startTlsServer } from "@port443/testing";
import { describe, expect, it } from "vitest";
import type { EnumerationResult } from "../src/enumerate/types";
import { legacyHandshake } from "../src/legacy-handshake";
import { noProtocols } from "../src/report-build";
import { CrlSource } from "../src/revocation/crl-source";
import { MAX_SERVED_CERTIFICATES, MAX_URLS_PER_CERTIFICATE } from "../src/scan-limits";
import { u24, vector } from "../src/wire/bytes";
import { parseCertificateMessage } from "../src/wire/certificate-message";
import { startFakeServer } from "./support/fake-server";
import { closedAfterEach, scanLocal } from "./support/scan-case.ts";

const serve = closedAfterEach();
const YEAR_HSTS = "max-age=31536000";

describe("fetches go through their own policy", () => {
  /** A server sending only its leaf, whose AIA, OCSP and CRL URLs all point at one local HTTP server. */
  async function everythingLocal() {
    const { root, intermediate } = await createChain();
    const http = await serve(startHttpServer({ "/ca.cer": { body: intermediate.der } }));
    const leaf = await issueCert({
      subject: "CN=leaf.test",
      dnsNames: ["leaf.test"],
      issuer: intermediate,
      aiaCaIssuers: http.url("/ca.cer"),
      ocspUrl: http.url("/ocsp"),
      crlUrl: http.url("/leaf.crl"),
    });
    const tls = await serve(startTlsServer({ chain: [leaf], hsts: YEAR_HSTS }));
    return { root, intermediate, leaf, http, tls };
  }

  it("a target the allow-list opens does not open the URLs its certificate names", async () => {
    const { root, http, tls } = await everythingLocal();
    const report = await scanLocal(tls, {
      extraCaPems: [root.pem],
      quick: true,
      policy: createAddressPolicy({ allow: ["127.0.0.1/32"] }),
      fetchPolicy: createAddressPolicy(),
      crls: new CrlSource(),
    });
    expect(report.error).toBeNull();
    expect(report.certificate?.subject).toBe("CN=leaf.test");
    expect(http.connections).toBe(0);
    expect(report.trusted).toBe(false);
  });

  it("without a fetch policy, fetches follow the target's policy", async () => {
    const { root, http, tls } = await everythingLocal();
    const report = await scanLocal(tls, {
      extraCaPems: [root.pem],
      quick: true,
      policy: createAddressPolicy({ allow: ["127.0.0.1/32"] }),
    });
    expect(report.trusted).toBe(true);
    expect(http.connections).toBeGreaterThan(0);
  });

  it("a refused CRL names the class of its address", async () => {
    const { root, intermediate, leaf } = await everythingLocal();
    const tls = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS }));
    const report = await scanLocal(tls, {
      extraCaPems: [root.pem],
      policy: createAddressPolicy({ allow: ["127.0.0.1/32"] }),
      fetchPolicy: createAddressPolicy(),
      crls: new CrlSource(),
    });
    expect(report.revocation.status).toBe("unknown");
    expect(report.revocation.crls[0]?.error).toMatchObject({
      code: "crl_unreachable",
      message: expect.stringContaining("the host resolves to a loopback address, which is not allowed"),
    });
  });
});

describe("fan-out per certificate", () => {
  it(`follows at most ${MAX_URLS_PER_CERTIFICATE} AIA and ${MAX_URLS_PER_CERTIFICATE} OCSP URLs of a certificate`, async () => {
    // Nothing is served: every URL answers 404, so a scanner without a cap would try them all.
    const aia = await serve(startHttpServer({}));
    const ocsp = await serve(startHttpServer({}));
    const urls = (server: { url(path: string): string }) =>
      Array.from({ length: 12 }, (_, index) => server.url(`/${index}`));
    const { intermediate, leaf } = await createChain({
      leaf: { aiaCaIssuers: urls(aia), ocspUrl: urls(ocsp) },
    });

    // Served alone, the leaf's issuer is looked for at its AIA URLs.
    const alone = await scanLocal(await serve(startTlsServer({ chain: [leaf], hsts: YEAR_HSTS })));
    expect(alone.error).toBeNull();
    expect(aia.connections).toBe(MAX_URLS_PER_CERTIFICATE);
    // The finding names only the URLs that were tried.
    const detail = alone.findings.find((finding) => finding.id === "cert.chain_incomplete")?.detail;
    expect(detail).toContain(`${aia.url("/3")}. Browsers`);
    expect(detail).not.toContain(aia.url("/4"));

    // With its issuer, its OCSP responders are asked.
    const whole = await scanLocal(
      await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS })),
    );
    expect(whole.error).toBeNull();
    expect(ocsp.connections).toBe(MAX_URLS_PER_CERTIFICATE);
    expect(whole.ocsp).toMatchObject({ stapled: false, status: null });
  });

  it(`reads at most ${MAX_SERVED_CERTIFICATES} certificates from a plaintext Certificate message`, async () => {
    const { leaf, intermediate } = await createChain({ leaf: { key: { type: "rsa", bits: 2048 } } });
    const flood = Array.from({ length: 60 }, (_, index) => (index % 2 ? intermediate.der : leaf.der));
    const message = vector(3, ...flood.map((der) => Buffer.concat([u24(der.length), der])));
    const parsed = parseCertificateMessage(message);
    expect(parsed.ok && parsed.value.length).toBe(MAX_SERVED_CERTIFICATES);

    // The legacy handshake (servers Node's OpenSSL cannot talk to) reads that message.
    const suite = "TLS_RSA_WITH_AES_128_CBC_SHA";
    const fake = await startFakeServer({
      protocols: ["tls1_0"],
      ciphers: [suite],
      honorServerOrder: true,
      certificateDer: flood,
    });
    const enumeration = {
      protocols: { ...noProtocols(), tls1_0: true },
      ciphers: { tls1_0: [suite] },
    } as unknown as EnumerationResult;
    const result = await legacyHandshake(
      { address: "127.0.0.1", port: fake.port, servername: "leaf.test", timeoutMs: 5_000 },
      enumeration,
    ).finally(() => fake.close());
    expect(result?.certificates).toHaveLength(MAX_SERVED_CERTIFICATES);
    expect(result?.certificates[0]?.equals(leaf.der)).toBe(true);
  });
});

describe("the scan's byte budget for fetches", () => {
  it("fails the fetch that overruns it as too large, leaves revocation unknown and says so; the next scan fetches again", async () => {
    const { root, intermediate } = await createChain();
    const routes: Record<string, { body: Buffer; type?: string }> = {};
    const http = await serve(startHttpServer(routes));
    const leaf = await issueCert({
      subject: "CN=leaf.test",
      dnsNames: ["leaf.test"],
      issuer: intermediate,
      crlUrl: http.url("/leaf.crl"),
    });
    const crl = createCrl({ issuer: intermediate, padding: 8_000 });
    expect(crl.length).toBeGreaterThan(200 * 1024);
    routes["/leaf.crl"] = { body: crl, type: "application/pkix-crl" };
    const tls = await serve(startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS }));
    const crls = new CrlSource();

    const starved = await scanLocal(tls, { extraCaPems: [root.pem], crls, fetchBudgetBytes: 128 * 1024 });
    expect(starved.error).toBeNull();
    expect(starved.revocation).toMatchObject({ status: "unknown", source: null });
    expect(starved.revocation.crls[0]).toMatchObject({
      outcome: "error",
      error: {
        code: "crl_too_large",
        message: `${http.url("/leaf.crl")} not checked: the fetch budget of 128 KB is spent`,
      },
    });
    expect(starved.incomplete).toContainEqual({
      step: "fetches",
      reason: "AIA, OCSP, CRL and ARI fetches stopped at the scan's budget of 131072 bytes",
    });

    // The failure was this scan's budget, not the CRL's: it is not kept for the next scan.
    const fed = await scanLocal(tls, { extraCaPems: [root.pem], crls });
    expect(fed.revocation).toMatchObject({ status: "good", source: "crl" });
    expect(fed.revocation.crls[0]).toMatchObject({ cached: false, error: null });
    expect(fed.incomplete.map((entry) => entry.step)).not.toContain("fetches");
  });
});
