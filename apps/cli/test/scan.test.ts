import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createChain,
  freePort,
  renewalInfoIdOf,
  type Served,
  startAcmeServer,
  startTlsServer,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli";

const port443 = cli();

describe("port443 scan", { timeout: 60_000 }, () => {
  let good: Served;
  let expiring: Served;
  let caFile: string;

  beforeAll(async () => {
    const chain = await createChain();
    good = await startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" });
    const soon = await createChain({ leaf: { notAfter: new Date(Date.now() + 20 * 86_400_000) } });
    expiring = await startTlsServer({ chain: [soon.leaf, soon.intermediate], hsts: "max-age=31536000" });
    caFile = path.join(tmpdir(), `port443-ca-${process.pid}.pem`);
    await writeFile(caFile, chain.root.pem + soon.root.pem);
  });
  afterAll(async () => {
    await good.close();
    await expiring.close();
  });

  it("prints one JSON report per target with the documented fields, exit 0 when nothing reaches --fail-on", async () => {
    const result = await port443(
      "scan",
      "--json",
      "--ca-file",
      caFile,
      "--resolve",
      `leaf.test:${good.port}:127.0.0.1`,
      `leaf.test:${good.port}`,
    );
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "target",
        "scannedAt",
        "durationMs",
        "grade",
        "gradeCaps",
        "certificate",
        "chain",
        "trusted",
        "hostnameMatches",
        "protocols",
        "ciphers",
        "negotiated",
        "findings",
        "error",
      ]),
    );
    expect(report.target).toEqual({
      host: "leaf.test",
      port: good.port,
      servername: "leaf.test",
      ip: "127.0.0.1",
    });
    expect(Object.keys(report.certificate)).toEqual(
      expect.arrayContaining([
        "subject",
        "issuer",
        "sans",
        "notBefore",
        "notAfter",
        "daysRemaining",
        "fingerprintSha256",
        "serialNumber",
        "keyType",
        "keyBits",
        "signatureAlgorithm",
      ]),
    );
    expect(Object.keys(report.protocols).sort()).toEqual([
      "sslv2",
      "sslv3",
      "tls1_0",
      "tls1_1",
      "tls1_2",
      "tls1_3",
    ]);
    expect(Object.keys(report.negotiated).sort()).toEqual(["alpn", "cipher", "group", "protocol"]);
    expect(report.trusted).toBe(true);
    expect(report.error).toBeNull();
    for (const finding of report.findings) {
      expect(Object.keys(finding).sort()).toEqual(["detail", "id", "remediation", "severity", "title"]);
    }
  });

  it("exits 1 when a finding reaches --fail-on and 0 when the threshold is above it", async () => {
    const args = [
      "scan",
      "--json",
      "--ca-file",
      caFile,
      "--servername",
      "leaf.test",
      `127.0.0.1:${expiring.port}`,
    ];
    const lenient = await port443(...args);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout).findings[0]).toMatchObject({
      id: "cert.expiring_soon",
      severity: "medium",
    });
    const strict = await port443(...args.slice(0, 1), "--fail-on", "medium", ...args.slice(1));
    expect(strict.code).toBe(1);
    const quick = await port443(
      "scan",
      "--quick",
      "--json",
      "--ca-file",
      caFile,
      "--servername",
      "leaf.test",
      `127.0.0.1:${good.port}`,
    );
    expect(quick.code).toBe(0);
    expect(JSON.parse(quick.stdout)).toMatchObject({ grade: null, certificate: { subject: "CN=leaf.test" } });
  });

  it("exits 2 on a scan error and on bad usage", async () => {
    const refused = await port443("scan", `127.0.0.1:${await freePort()}`);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain("connection_refused");
    expect((await port443("scan")).code).toBe(2);
    expect((await port443("scan", "--fail-on", "bogus", "example.org")).code).toBe(2);
    expect((await port443("scan", "bad host name:99999")).code).toBe(2);
  });

  it("prints a readable report and a summary over several targets", async () => {
    const targetsFile = path.join(tmpdir(), `port443-targets-${process.pid}.txt`);
    await writeFile(targetsFile, `# local\n127.0.0.1:${good.port}\n127.0.0.1:${expiring.port}\n`);
    const result = await port443(
      "scan",
      "--ca-file",
      caFile,
      "--servername",
      "leaf.test",
      "--targets-file",
      targetsFile,
    );
    expect(result.code).toBe(0); // the worst finding is medium, below the default --fail-on high
    expect(result.stdout).toMatch(/Grade\s+A/);
    expect(result.stdout).toContain("Expires");
    expect(result.stdout).toContain("fix:");
    expect(result.stdout).toMatch(/target\s+grade\s+days\s+findings/);
    expect(result.stdout).not.toContain("\x1b["); // no colours when not on a terminal
  });

  it("reports an early-renewal request from ARI with --acme-directory, and refuses a bad URL", async () => {
    const chain = await createChain();
    const windows = new Map([
      [
        renewalInfoIdOf(chain.leaf),
        { start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 86_400_000) },
      ],
    ]);
    const acme = await startAcmeServer(windows);
    const served = await startTlsServer({
      chain: [chain.leaf, chain.intermediate],
      hsts: "max-age=31536000",
    });
    const ca = path.join(tmpdir(), `port443-ari-ca-${process.pid}.pem`);
    await writeFile(ca, chain.root.pem);
    try {
      const target = [
        "--ca-file",
        ca,
        "--resolve",
        `leaf.test:${served.port}:127.0.0.1`,
        `leaf.test:${served.port}`,
      ];
      const result = await port443("scan", "--acme-directory", acme.directoryUrl, ...target);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain("The CA asks for this certificate to be renewed early");
      expect(result.stdout).toContain("[cert.early_renewal_requested]");
      expect(result.stdout).toMatch(
        /Renewal {6}due .* \(the window http:\/\/127\.0\.0\.1:\d+\/directory suggests\)/,
      );
      const bad = await port443("scan", "--acme-directory", "ftp://acme", ...target);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--acme-directory must be an http(s) URL, got "ftp://acme"');
    } finally {
      await served.close();
      await acme.close();
    }
  });
});
