import { createAddressPolicy } from "@port443/net";
import {
  createChain,
  freePort,
  type Served,
  startRawServer,
  startTlsServer,
  type TlsServerSpec,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enumerate } from "../src/enumerate";
import { scan } from "../src/scan";
import { vulnChecks } from "../src/vuln/checks";
import { runVulnChecks } from "../src/vuln/run";
import { capReasons, findingIds, scanLocal, severityOf } from "./support/scan-case.ts";

const YEAR_HSTS = "max-age=31536000; includeSubDomains";
let ec: Awaited<ReturnType<typeof createChain>>;
let rsa: Awaited<ReturnType<typeof createChain>>;

beforeAll(async () => {
  ec = await createChain();
  rsa = await createChain({ leaf: { key: { type: "rsa", bits: 2048 } } });
});

/** Serves the EC chain (or the RSA one, for static-RSA suites) with `spec`, scans it, stops it. */
async function scanServer(spec: Omit<TlsServerSpec, "chain"> & { rsa?: boolean }) {
  const { root, intermediate, leaf } = spec.rsa ? rsa : ec;
  const served = await startTlsServer({ ...spec, chain: [leaf, intermediate] });
  try {
    return await scanLocal(served, { extraCaPems: [root.pem] });
  } finally {
    await served.close();
  }
}

describe("protocol, cipher, key exchange and HTTP rules on real Node TLS servers", () => {
  it("TLS 1.0 and 1.1 enabled", async () => {
    const report = await scanServer({ minVersion: "TLSv1", hsts: YEAR_HSTS });
    expect(report.protocols).toMatchObject({ tls1_0: true, tls1_1: true, tls1_2: true, tls1_3: true });
    expect(severityOf(report, "protocol.tls1_0")).toBe("medium");
    expect(severityOf(report, "protocol.tls1_1")).toBe("medium");
    expect(capReasons(report)).toContain("B: TLS 1.0 or 1.1 supported");
  });

  it("TLS 1.3 missing", async () => {
    const report = await scanServer({ maxVersion: "TLSv1.2", hsts: YEAR_HSTS });
    expect(report.protocols.tls1_3).toBe(false);
    expect(severityOf(report, "protocol.no_tls1_3")).toBe("low");
    expect(capReasons(report)).toContain("A-: TLS 1.3 not supported");
    expect(report.grade).toBe("A-");
  });

  it("TLS 1.2 missing", async () => {
    const report = await scanServer({ minVersion: "TLSv1.3", hsts: YEAR_HSTS });
    expect(severityOf(report, "protocol.no_tls1_2")).toBe("high");
    expect(capReasons(report)).toContain("C: TLS 1.2 not supported");
    expect(report.grade).toBe("C");
  });

  it("no forward secrecy with static RSA key exchange", async () => {
    const report = await scanServer({
      rsa: true,
      maxVersion: "TLSv1.2",
      ciphers: "AES128-GCM-SHA256:AES256-GCM-SHA384",
      hsts: YEAR_HSTS,
    });
    expect(report.ciphers.tls1_2).toEqual([
      "TLS_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_RSA_WITH_AES_256_GCM_SHA384",
    ]);
    expect(severityOf(report, "kex.no_forward_secrecy")).toBe("medium");
    expect(capReasons(report)).toContain("B: no forward secrecy");
  });

  it("static RSA preferred over ECDHE", async () => {
    const report = await scanServer({
      rsa: true,
      maxVersion: "TLSv1.2",
      ciphers: "AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256",
      honorCipherOrder: true,
      hsts: YEAR_HSTS,
    });
    expect(findingIds(report)).toContain("kex.no_forward_secrecy");
    expect(report.findings.find((finding) => finding.id === "kex.no_forward_secrecy")?.detail).toMatch(
      /prefers TLS_RSA_WITH_AES_128_GCM_SHA256/,
    );
  });

  it("CBC suites only", async () => {
    const report = await scanServer({
      maxVersion: "TLSv1.2",
      ciphers: "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA",
      hsts: YEAR_HSTS,
    });
    expect(severityOf(report, "cipher.cbc_only")).toBe("low");
    expect(capReasons(report)).toContain("B: no AEAD cipher suites");
  });

  it("HSTS missing, then too short", async () => {
    const none = await scanServer({});
    expect(severityOf(none, "http.no_hsts")).toBe("low");
    expect(capReasons(none)).toContain("A-: no HSTS");
    const short = await scanServer({ hsts: "max-age=300" });
    expect(severityOf(short, "http.hsts_short")).toBe("low");
    expect(short.grade).toBe("A");
  });

  it("reads HSTS on the handshake's own connection: one connection besides the enumeration's and the probes'", async () => {
    const { root, intermediate, leaf } = ec;
    const served = await startTlsServer({ chain: [leaf, intermediate], hsts: YEAR_HSTS });
    try {
      const report = await scanLocal(served, { extraCaPems: [root.pem] });
      expect(report.hsts).toEqual({ maxAge: 31_536_000, includeSubDomains: true, preload: false });
      const scanned = served.connections;
      const target = { address: "127.0.0.1", port: served.port, servername: "leaf.test", timeoutMs: 10_000 };
      const enumeration = await enumerate(target);
      const beforeProbes = served.connections;
      await runVulnChecks(vulnChecks, { ...target, signal: new AbortController().signal }, enumeration, 4);
      const probeConnections = served.connections - beforeProbes;
      expect(probeConnections).toBeGreaterThan(0);
      expect(scanned).toBe(enumeration.probes + 1 + probeConnections);
    } finally {
      await served.close();
    }
  });

  it("no HSTS finding when the endpoint does not speak HTTP", async () => {
    const report = await scanServer({ noHttp: true });
    expect(findingIds(report)).not.toContain("http.no_hsts");
  });

  it("no OCSP stapling finding when the certificate names no OCSP responder (stapling is impossible)", async () => {
    const report = await scanServer({ hsts: YEAR_HSTS });
    expect(findingIds(report)).not.toContain("ocsp.no_stapling");
    expect(report.grade).toBe("A+");
  });
});

describe("scan errors", () => {
  const servers: Served[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((served) => served.close()));
  });

  it("dns_not_found", async () => {
    const report = await scan({ host: "does-not-exist.invalid", timeoutMs: 5_000 });
    expect(report.error?.code).toBe("dns_not_found");
    expect(report.grade).toBeNull();
  });

  it("connection_refused", async () => {
    const report = await scan({
      host: "leaf.test",
      address: "127.0.0.1",
      port: await freePort(),
      timeoutMs: 5_000,
    });
    expect(report.error?.code).toBe("connection_refused");
  });

  it("timeout, from a server that never answers", async () => {
    const silent = await startRawServer("silent");
    servers.push(silent);
    const started = Date.now();
    const report = await scan({
      host: "leaf.test",
      address: "127.0.0.1",
      port: silent.port,
      timeoutMs: 1_500,
    });
    expect(report.error?.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("not_tls, from a plain HTTP server", async () => {
    const plain = await startRawServer("http");
    servers.push(plain);
    const report = await scan({
      host: "leaf.test",
      address: "127.0.0.1",
      port: plain.port,
      timeoutMs: 5_000,
    });
    expect(report.error?.code).toBe("not_tls");
  });

  it("blocked_address, without connecting", async () => {
    const report = await scan({
      host: "leaf.test",
      address: "127.0.0.1",
      port: 443,
      policy: createAddressPolicy(),
    });
    expect(report.error).toMatchObject({ code: "blocked_address" });
    expect(report.error?.message).toMatch(/loopback/);
    expect(report.target.ip).toBeNull();
  });
});
