import { startTestApi, type TestApi } from "@port443/api/testing";
import { createChain, freePort, issueCert, type Served, startTlsServer } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli";

const DAY = 86_400_000;

/** A leaf for 127.0.0.1 (what the API connects to), valid for `days` more days. */
const localLeaf = (days: number) => ({
  subject: "CN=127.0.0.1",
  dnsNames: [],
  ipAddresses: ["127.0.0.1"],
  notAfter: new Date(Date.now() + days * DAY + 3_600_000),
});

describe("port443 check", { timeout: 60_000 }, () => {
  let api: TestApi;
  let good: Served;
  let expiring: Served;
  let port443: ReturnType<typeof cli>;

  beforeAll(async () => {
    api = await startTestApi("cli_check", { allowPrivateTargets: true });
    const chain = await createChain({ leaf: localLeaf(90) });
    const soon = await issueCert({ ...localLeaf(5), issuer: chain.intermediate });
    // TLS 1.2 and 1.3, no HSTS: the scanner caps that at A-.
    good = await startTlsServer({ chain: [chain.leaf, chain.intermediate] });
    expiring = await startTlsServer({ chain: [soon, chain.intermediate] });
    await api.prisma.team.update({
      where: { id: await api.teamId("acme") },
      data: { privateCaPem: chain.root.pem },
    });
    port443 = cli({ PORT443_API_URL: api.url, PORT443_TOKEN: await api.createKey("acme") });
  });
  afterAll(async () => {
    await good?.close();
    await expiring?.close();
    await api?.stop();
  });

  it("exits 0 with a PASS verdict on a good endpoint", async () => {
    const result = await port443("check", `127.0.0.1:${good.port}`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^PASS 127\\.0\\.0\\.1:${good.port}  grade A-  certificate valid (89|90) more days \\(issuer .+\\)\\n$`,
      ),
    );
    expect(result.stdout).not.toContain("\x1b["); // no colours when not on a terminal
  });

  it("exits 1 and says why when the certificate expires within --min-days", async () => {
    const result = await port443("check", "--min-days", "14", `127.0.0.1:${expiring.port}`);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^FAIL 127\.0\.0\.1:\d+ {2}grade \S+ {2}certificate valid 5 more days/);
    expect(result.stdout).toContain("\n  - the certificate expires in 5 days, below the required 14\n");
  });

  it("exits 1 below --min-grade (no HSTS is not A+)", async () => {
    const result = await port443("check", "--min-grade", "A+", `127.0.0.1:${good.port}`);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain("  - grade A- is below the required A+\n");
  });

  it("exits 1 when the endpoint cannot be scanned: the gate fails closed", async () => {
    const result = await port443("check", `127.0.0.1:${await freePort()}`);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL 127\.0\.0\.1:\d+ {2}scan failed: connection_refused\n {2}- scan failed \(connection_refused\): .+\n$/,
    );
  });

  it("prints the API's answer as one line of JSON with --json", async () => {
    const result = await port443("check", "--json", "--min-days", "30", `127.0.0.1:${expiring.port}`);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({
      passed: false,
      reasons: expect.arrayContaining([expect.objectContaining({ kind: "min_days" })]),
      policy: { minDaysRemaining: 30, failOn: "high" },
      report: { target: { host: "127.0.0.1", port: expiring.port }, error: null },
    });
  });

  it("takes the API URL and key from flags as well", async () => {
    const bare = cli();
    const result = await bare(
      "check",
      "--api-url",
      `${api.url}/`,
      "--token",
      await api.createKey("acme", ["scan"]),
      `127.0.0.1:${good.port}`,
    );
    expect(result.code, result.stderr).toBe(0);
  });

  it("exits 2 and mentions the key when the API refuses it", async () => {
    const result = await port443("check", "--token", `p443_${"x".repeat(32)}`, `127.0.0.1:${good.port}`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "error: unknown API key (HTTP 401)\n  check the API key: --token or PORT443_TOKEN\n",
    );
  });

  it("exits 2 when the API cannot be reached or does not answer in time", async () => {
    const [down, slow] = await Promise.all([
      port443("check", "--api-url", `http://127.0.0.1:${await freePort()}`, "example.com"),
      port443("check", "--timeout", "1", `127.0.0.1:${good.port}`),
    ]);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/^error: cannot reach the API at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED\n$/);
    expect(slow.code).toBe(2);
    expect(slow.stderr).toContain("within 1 ms (see --timeout)");
  });

  it("exits 2 on usage errors, before calling the API", async () => {
    const [noKey, noTarget, badGrade, badDays] = await Promise.all([
      cli({ PORT443_API_URL: api.url })("check", "example.com"),
      port443("check"),
      port443("check", "--min-grade", "Z", "example.com"),
      port443("check", "--min-days", "-1", "example.com"),
    ]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("error: no API key: pass --token or set PORT443_TOKEN");
    expect(noTarget.code).toBe(2);
    expect(badGrade).toMatchObject({ code: 2, stderr: expect.stringContaining("Allowed choices are A+, A") });
    expect(badDays.code).toBe(2);
  });

  it("exits 2 with the field errors of a request the API rejects", async () => {
    const result = await port443("check", "--servername", "not a name", `127.0.0.1:${good.port}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .+ \(HTTP 422\)\n {2}body \/servername: .+\n$/);
  });
});
