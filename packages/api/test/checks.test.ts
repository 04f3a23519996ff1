import { startLoopbackEndpoint } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

type Endpoint = Awaited<ReturnType<typeof startLoopbackEndpoint>>;

describe("POST /checks (deploy gate)", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  let good: Endpoint;
  let expiring: Endpoint;
  beforeAll(async () => {
    api = await startTestApi("api_checks");
    client = await apiClient(api.url);
    key = await api.createKey("acme", ["scan"]);
    good = await startLoopbackEndpoint(90, { hsts: "max-age=31536000" });
    expiring = await startLoopbackEndpoint(5, { hsts: "max-age=31536000" });
  });
  afterAll(async () => {
    await Promise.all([good.close(), expiring.close()]);
    await api.stop();
  });

  const trust = async (endpoint: Endpoint) =>
    api.prisma.team.update({
      where: { id: await api.teamId("acme") },
      data: { privateCaPem: endpoint.root.pem },
    });

  it("fails an endpoint whose CA the team does not trust, and passes it once the private CA is uploaded", async () => {
    const untrusted = await client.request("POST", "/checks", {
      key,
      body: { host: "127.0.0.1", port: good.port },
    });
    expect(untrusted.status).toBe(200);
    expect(untrusted.body.passed).toBe(false);
    expect(untrusted.body.report.trusted).toBe(false);
    expect(untrusted.body.reasons.map((reason: { kind: string }) => reason.kind)).toContain("finding");

    await trust(good);
    const trusted = await client.request("POST", "/checks", {
      key,
      body: { host: "127.0.0.1", port: good.port },
    });
    expect(trusted.body).toMatchObject({
      passed: true,
      reasons: [],
      policy: { minDaysRemaining: 14, failOn: "high" },
    });
    expect(trusted.body.report).toMatchObject({
      trusted: true,
      target: { host: "127.0.0.1", port: good.port },
    });
    expect(trusted.body.report.certificate.daysRemaining).toBe(90);
  });

  it("fails on too few days left and on a grade below the minimum, saying why", async () => {
    await trust(expiring);
    const soon = await client.request("POST", "/checks", {
      key,
      body: { host: "127.0.0.1", port: expiring.port, policy: { minDaysRemaining: 14, failOn: "critical" } },
    });
    expect(soon.body.passed).toBe(false);
    expect(soon.body.reasons).toContainEqual({
      kind: "min_days",
      message: "the certificate expires in 5 days, below the required 14",
    });
    const relaxed = await client.request("POST", "/checks", {
      key,
      body: { host: "127.0.0.1", port: expiring.port, policy: { minDaysRemaining: 3, failOn: "critical" } },
    });
    expect(relaxed.body.reasons.map((reason: { kind: string }) => reason.kind)).not.toContain("min_days");

    await trust(good);
    const withHsts = await client.request("POST", "/checks", {
      key,
      body: { host: "127.0.0.1", port: good.port, policy: { minGrade: "A+" } },
    });
    expect(withHsts.body).toMatchObject({ passed: true, report: { grade: "A+" } });
    const noHsts = await startLoopbackEndpoint(90);
    await trust(noHsts);
    const strict = await client.request("POST", "/checks", {
      key,
      body: { host: "127.0.0.1", port: noHsts.port, policy: { minGrade: "A+" } },
    });
    await noHsts.close();
    expect(strict.body.passed).toBe(false);
    expect(strict.body.reasons).toEqual([
      { kind: "min_grade", message: "grade A- is below the required A+" },
    ]);
    await trust(good);
    const lenient = await client.request("POST", "/checks", {
      key,
      body: { host: "127.0.0.1", port: good.port, policy: { minGrade: "B" } },
    });
    expect(lenient.body.passed).toBe(true);
  });

  it("fails an endpoint that does not answer", async () => {
    const closed = await startLoopbackEndpoint(90);
    const port = closed.port;
    await closed.close();
    const response = await client.request("POST", "/checks", { key, body: { host: "127.0.0.1", port } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ passed: false, reasons: [{ kind: "scan_error" }] });
    expect(response.body.report.error.code).toBe("connection_refused");
  });

  it("validates the request", async () => {
    const response = await client.request("POST", "/checks", {
      key,
      body: { host: "", policy: { minGrade: "Z", failOn: "severe" } },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      "/host",
      "/policy/failOn",
      "/policy/minGrade",
    ]);
  });
});

describe("POST /checks with the service's address policy", () => {
  let api: TestApi;
  let client: ApiClient;
  beforeAll(async () => {
    api = await startTestApi("api_checks_policy", { allowPrivateTargets: false });
    client = await apiClient(api.url);
  });
  afterAll(() => api.stop());

  it("refuses loopback, private and metadata addresses with 422", async () => {
    const key = await api.createKey("acme", ["scan"]);
    for (const host of ["127.0.0.1", "10.0.0.8", "169.254.169.254", "::ffff:127.0.0.1"]) {
      const response = await client.request("POST", "/checks", { key, body: { host, port: 443 } });
      expect(response.status, host).toBe(422);
      expect(response.body.errors[0].pointer).toBe("/host");
    }
  });

  it("names the class of a refused address, never the address a name resolves to", async () => {
    const key = await api.createKey("acme", ["scan"]);
    const response = await client.request("POST", "/checks", { key, body: { host: "localhost", port: 443 } });
    expect(response.status).toBe(422);
    expect(response.body.detail).toBe("the host resolves to a loopback address, which is not allowed");
    expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|::1/);
    const metadata = await client.request("POST", "/checks", { key, body: { host: "169.254.169.254" } });
    expect(metadata.body.errors[0].detail).toBe(
      "the host resolves to a link-local address, which is not allowed",
    );
  });
});
