import { createHash } from "node:crypto";
import {
  createChain,
  createOcspResponse,
  freePort,
  issueCert,
  type Served,
  startTlsServer,
} from "@port443/testing";
import { describe, expect, it } from "vitest";
import { scan } from "../src/scan";
import type { WatchOptions } from "../src/watch/types";
import { watch } from "../src/watch/watch";
import { closedAfterEach } from "./support/scan-case.ts";
import { startVersionRouter } from "./support/watch-servers.ts";

const serve = closedAfterEach();
const fingerprint = (der: Buffer) => createHash("sha256").update(der).digest("hex");

const chain = await createChain();
const renewed = await issueCert({
  subject: "CN=leaf.test",
  dnsNames: ["leaf.test"],
  issuer: chain.intermediate,
});

/** One watch probe of a local endpoint as leaf.test. */
const probe = (served: Served, options: Partial<WatchOptions> = {}) =>
  watch({
    host: "leaf.test",
    port: served.port,
    addresses: ["127.0.0.1"],
    extraCaPems: [chain.root.pem],
    timeoutMs: 10_000,
    ...options,
  });

/** Connections `served` accepted during `work`. */
async function connectionsDuring(served: Served, work: () => Promise<unknown>): Promise<number> {
  const before = served.connections;
  await work();
  return served.connections - before;
}

describe("calibration: which way each address is read", () => {
  it("reads a TLS 1.2 and 1.3 server serving one chain in plaintext, then with one connection", async () => {
    const served = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=300" }),
    );
    let first!: Awaited<ReturnType<typeof probe>>;
    expect(await connectionsDuring(served, async () => (first = await probe(served)))).toBe(2);
    const [address] = first.addresses;
    expect(address).toMatchObject({
      ip: "127.0.0.1",
      mode: "plaintext",
      error: null,
      chain: [fingerprint(chain.leaf.der), fingerprint(chain.intermediate.der)],
      negotiated: {
        protocol: "tls1_2",
        cipher: "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        group: "X25519",
        alpn: "http/1.1",
      },
      // A plaintext read sends no HTTP request: the header is not read, rather than absent.
      hsts: undefined,
    });
    expect(address?.signature).toMatch(/^[0-9a-f]{64}$/);

    const modes = { "127.0.0.1": address!.mode! };
    const later = await Promise.all([1, 2, 3].map(() => probe(served, { modes })));
    expect(served.connections).toBe(2 + 3);
    for (const result of later) {
      expect(result.addresses[0]?.mode).toBe("plaintext");
      expect(result.addresses[0]?.signature).toBe(address?.signature);
    }
  });

  it("reads a server sending its chain out of order plaintext too, listing it as sent", async () => {
    const served = await serve(startTlsServer({ chain: [chain.leaf, chain.root, chain.intermediate] }));
    const { addresses, report } = await probe(served);
    expect(addresses[0]).toMatchObject({
      mode: "plaintext",
      chain: [chain.leaf, chain.root, chain.intermediate].map((cert) => fingerprint(cert.der)),
    });
    expect(report.trusted).toBe(true);
  });

  it("reads a TLS 1.3-only server by handshake, with HSTS from that connection", async () => {
    const served = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], minVersion: "TLSv1.3", hsts: "max-age=300" }),
    );
    const first = await probe(served);
    const [address] = first.addresses;
    expect(address).toMatchObject({
      mode: "handshake",
      error: null,
      chain: [fingerprint(chain.leaf.der), fingerprint(chain.intermediate.der)],
      negotiated: { protocol: "tls1_3", cipher: "TLS_AES_256_GCM_SHA384", group: "X25519", alpn: "http/1.1" },
      hsts: "max-age=300",
    });
    expect(first.report.hsts).toEqual({ maxAge: 300, includeSubDomains: false, preload: false });
    const modes = { "127.0.0.1": "handshake" as const };
    let later!: Awaited<ReturnType<typeof probe>>;
    expect(await connectionsDuring(served, async () => (later = await probe(served, { modes })))).toBe(1);
    expect(later.addresses[0]?.signature).toBe(address?.signature);
  });

  it("reads a server showing TLS 1.3 clients another certificate by handshake, and reports that certificate", async () => {
    const tls12 = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], maxVersion: "TLSv1.2" }),
    );
    const tls13 = await serve(
      startTlsServer({ chain: [renewed, chain.intermediate], minVersion: "TLSv1.3" }),
    );
    const router = await serve(startVersionRouter(tls12.port, tls13.port));
    const { addresses, report } = await probe(router);
    expect(addresses[0]).toMatchObject({
      mode: "handshake",
      chain: [fingerprint(renewed.der), fingerprint(chain.intermediate.der)],
    });
    expect(report.certificate?.fingerprintSha256).toBe(fingerprint(renewed.der));
    expect(tls12.connections).toBe(1);
  });

  it("falls back to a handshake when a plaintext address stops answering TLS 1.2, and says so", async () => {
    const port = await freePort();
    const before = await serve(startTlsServer({ chain: [chain.leaf, chain.intermediate], port }));
    const calibrated = await probe(before);
    expect(calibrated.addresses[0]?.mode).toBe("plaintext");
    await before.close();
    const after = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], port, minVersion: "TLSv1.3" }),
    );
    const { addresses, report } = await probe(after, { modes: { "127.0.0.1": "plaintext" } });
    expect(addresses[0]).toMatchObject({ mode: "handshake", error: null });
    expect(addresses[0]?.signature).not.toBe(calibrated.addresses[0]?.signature);
    expect(report.error).toBeNull();
    expect(after.connections).toBe(2);
  });
});

describe("what a watch probe reports", () => {
  it("has a quick scan's certificate report: cert findings, no grade, the renewal point, the staple", async () => {
    const expiring = await issueCert({
      subject: "CN=leaf.test",
      dnsNames: ["leaf.test"],
      issuer: chain.intermediate,
      notAfter: new Date(Date.now() + 5 * 86_400_000),
    });
    const staple = createOcspResponse({ cert: expiring, issuer: chain.intermediate, status: "good" });
    const served = await serve(startTlsServer({ chain: [expiring, chain.intermediate], staple }));
    const { report } = await probe(served, { modes: { "127.0.0.1": "plaintext" } });
    expect(report.error).toBeNull();
    expect(report.grade).toBeNull();
    expect(report.trusted).toBe(true);
    expect(report.findings.map((finding) => finding.id)).toEqual(["cert.expiring_soon"]);
    expect(report.renewal?.source).toBe("lifetime");
    expect(report.ocsp).toEqual({ stapled: true, status: "good", source: "stapled" });
    expect(report.revocation).toMatchObject({ status: "good", source: "ocsp" });
    expect(report.addresses).toEqual([
      {
        ip: "127.0.0.1",
        grade: null,
        fingerprintSha256: fingerprint(expiring.der),
        protocols: expect.objectContaining({ tls1_2: true, tls1_3: false }),
        error: null,
      },
    ]);

    // `port443 scan --quick` is the watch probe.
    const quick = await scan({
      host: "leaf.test",
      address: "127.0.0.1",
      port: served.port,
      extraCaPems: [chain.root.pem],
      quick: true,
    });
    expect(quick.findings.map((finding) => finding.id)).toEqual(["cert.expiring_soon"]);
    expect(quick.grade).toBeNull();
    expect(quick.negotiated).toEqual(report.negotiated);
  });

  it("withholds an address the policy refuses, without connecting, and reports the first that answered", async () => {
    const port = await freePort();
    const first = await serve(
      startTlsServer({ chain: [chain.leaf, chain.intermediate], host: "127.0.0.1", port }),
    );
    const second = await serve(
      startTlsServer({ chain: [renewed, chain.intermediate], host: "127.0.0.2", port }),
    );
    const { addresses, report } = await probe(first, {
      addresses: ["127.0.0.1", "127.0.0.2"],
      policy: {
        check: (ip) =>
          ip === "127.0.0.1" ? { allowed: false, kind: "private", reason: "test range" } : { allowed: true },
      },
    });
    expect(first.connections).toBe(0);
    expect(addresses[0]).toMatchObject({ ip: null, mode: null, signature: null, chain: [] });
    expect(addresses[0]?.error).toMatchObject({ code: "blocked_address" });
    expect(addresses[1]).toMatchObject({ ip: "127.0.0.2", error: null });
    expect(report.target.ip).toBe("127.0.0.2");
    expect(report.certificate?.fingerprintSha256).toBe(fingerprint(renewed.der));
    expect(report.addresses.map((address) => [address.ip, address.error?.code ?? null])).toEqual([
      [null, "blocked_address"],
      ["127.0.0.2", null],
    ]);
    expect(second.connections).toBe(2);
  });

  it("gives an address that does not answer an error and no signature", async () => {
    const port = await freePort();
    const result = await watch({ host: "leaf.test", port, addresses: ["127.0.0.1"] });
    expect(result.addresses[0]).toMatchObject({
      ip: "127.0.0.1",
      mode: null,
      signature: null,
      error: { code: "connection_refused" },
    });
    expect(result.report.error).toMatchObject({ code: "connection_refused" });
  });

  it("resolves the name itself when no addresses are given, and reports a name that does not resolve", async () => {
    const served = await serve(startTlsServer({ chain: [chain.leaf, chain.intermediate] }));
    const resolve = async () => ["127.0.0.1"];
    const resolved = await watch({
      host: "leaf.test",
      port: served.port,
      resolve,
      extraCaPems: [chain.root.pem],
    });
    expect(resolved.addresses.map((address) => address.ip)).toEqual(["127.0.0.1"]);
    const missing = await watch({ host: "leaf.test", port: served.port, resolve: async () => [] });
    expect(missing.addresses).toEqual([]);
    expect(missing.report.error).toMatchObject({ code: "dns_not_found" });
  });
});
