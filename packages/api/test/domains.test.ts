import { type Served, startLoopbackEndpoint } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { scanAndRecord } from "./support/scans";
import { startTestApi, type TestApi } from "./support/server";

describe("domains", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  let otherKey: string;
  beforeAll(async () => {
    api = await startTestApi("api_domains");
    client = await apiClient(api.url);
    key = await api.createKey("acme");
    otherKey = await api.createKey("globex");
  });
  afterAll(() => api.stop());

  it("adds a domain (IDN to punycode) with 201 and Location, and queues its first scan", async () => {
    const created = await client.request("POST", "/domains", {
      key,
      body: { hostname: "Bücher.Example", port: 8443, tags: ["Prod", "eu", "prod"] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/domains/${created.body.id}`);
    expect(created.body).toMatchObject({
      hostname: "xn--bcher-kva.example",
      port: 8443,
      tags: ["eu", "prod"],
      status: "pending",
      grade: null,
    });
    const jobs = await api.queues.scans.getJobs(["waiting", "prioritized"]);
    expect(jobs.map((job) => job.data.domainId)).toContain(created.body.id);
  });

  it("answers 409 for a duplicate and 422 with field pointers for invalid input", async () => {
    await client.request("POST", "/domains", { key, body: { hostname: "dup.example" } });
    const duplicate = await client.request("POST", "/domains", { key, body: { hostname: "DUP.example." } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.type).toBe("urn:port443:problem:conflict");

    const badHost = await client.request("POST", "/domains", { key, body: { hostname: "bad host" } });
    expect(badHost.status).toBe(422);
    expect(badHost.body.errors).toEqual([
      { in: "body", pointer: "/hostname", detail: '"bad host" is not a valid hostname' },
    ]);

    const badTypes = await client.request("POST", "/domains", {
      key,
      body: { hostname: "ok.example", port: 70_000, tags: ["no spaces"] },
    });
    expect(badTypes.status).toBe(422);
    expect(badTypes.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      "/port",
      "/tags/0",
    ]);

    const malformed = await client.request("POST", "/domains", { key, body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe("urn:port443:problem:bad_request");
  });

  it("bulk-adds all or nothing, naming every bad line", async () => {
    const rejected = await client.request("POST", "/domains/bulk", {
      key,
      body: {
        domains: [
          { hostname: "bulk-1.example" },
          { hostname: "not a host" },
          { hostname: "bulk-1.example" },
          { hostname: "dup.example" },
        ],
      },
    });
    expect(rejected.status).toBe(422);
    expect(rejected.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual([
      "/domains/1/hostname",
      "/domains/2",
      "/domains/3",
    ]);
    expect(await api.prisma.domain.count({ where: { hostname: "bulk-1.example" } })).toBe(0);

    const domains = Array.from({ length: 120 }, (_, index) => ({
      hostname: `bulk-${index}.example`,
      tags: ["bulk"],
    }));
    const accepted = await client.request("POST", "/domains/bulk", { key, body: { domains } });
    expect(accepted.status).toBe(201);
    expect(accepted.body.items).toHaveLength(120);
  });

  it("lists a page at a time with a cursor, and filters by tag, search, status, grade and expiry", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?tag=bulk&limit=50${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await client.request("GET", `/domains${query}`, { key });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((domain: { hostname: string }) => domain.hostname));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen).toEqual([...seen].sort());

    const search = await client.request("GET", "/domains?search=BULK-11", { key });
    expect(search.body.items.map((domain: { hostname: string }) => domain.hostname)).toEqual([
      "bulk-11.example",
      "bulk-110.example",
      "bulk-111.example",
      "bulk-112.example",
      "bulk-113.example",
      "bulk-114.example",
      "bulk-115.example",
      "bulk-116.example",
      "bulk-117.example",
      "bulk-118.example",
      "bulk-119.example",
    ]);

    const target = await api.prisma.domain.findFirstOrThrow({ where: { hostname: "bulk-7.example" } });
    await api.prisma.domain.update({
      where: { id: target.id },
      data: {
        status: "critical",
        grade: "A_MINUS",
        notAfter: new Date(Date.now() + 3 * 86_400_000 + 3_600_000),
      },
    });
    for (const query of ["status=critical", "grade=A-", "expiringWithinDays=7"]) {
      const filtered = await client.request("GET", `/domains?${query}`, { key });
      expect(
        filtered.body.items.map((domain: { id: string }) => domain.id),
        query,
      ).toEqual([target.id]);
    }
    const grade = await client.request("GET", "/domains?grade=A-", { key });
    expect(grade.body.items[0]).toMatchObject({ grade: "A-", daysRemaining: 3 });

    const invalid = await client.request("GET", "/domains?limit=0&grade=Z", { key });
    expect(invalid.status).toBe(422);
    expect(
      invalid.body.errors
        .map((error: { in: string; pointer: string }) => `${error.in}${error.pointer}`)
        .sort(),
    ).toEqual(["query/grade", "query/limit"]);
    expect((await client.request("GET", "/domains?cursor=garbage", { key })).status).toBe(422);
  });

  it("gets, updates and deletes; another team's domain is 404 everywhere", async () => {
    const created = await client.request("POST", "/domains", { key, body: { hostname: "crud.example" } });
    const id = created.body.id;
    expect((await client.request("GET", `/domains/${id}`, { key })).body.hostname).toBe("crud.example");
    const updated = await client.request("PATCH", `/domains/${id}`, {
      key,
      body: { tags: ["web"], enabled: false, scanIntervalSeconds: 3600 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ tags: ["web"], enabled: false, scanIntervalSeconds: 3600 });
    expect(
      (await client.request("PATCH", `/domains/${id}`, { key, body: { scanIntervalSeconds: 10 } })).status,
    ).toBe(422);

    const until = new Date(Date.now() + 3_600_000).toISOString();
    for (const [method, path, body] of [
      ["GET", `/domains/${id}`, undefined],
      ["PATCH", `/domains/${id}`, { enabled: true }],
      ["DELETE", `/domains/${id}`, undefined],
      ["POST", `/domains/${id}/mute`, { until }],
      ["POST", `/domains/${id}/scans`, undefined],
      ["GET", `/domains/${id}/scans`, undefined],
      ["GET", `/domains/${id}/certificate`, undefined],
      ["GET", `/domains/${id}/findings`, undefined],
    ] as const) {
      const response = await client.request(method, path, { key: otherKey, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const otherList = await client.request("GET", "/domains", { key: otherKey });
    expect(otherList.body.items).toEqual([]);

    const muted = await client.request("POST", `/domains/${id}/mute`, { key, body: { until } });
    expect(muted.body.mutedUntil).toBe(until);
    const past = await client.request("POST", `/domains/${id}/mute`, {
      key,
      body: { until: "2020-01-01T00:00:00.000Z" },
    });
    expect(past.status).toBe(422);
    expect(
      (await client.request("POST", `/domains/${id}/mute`, { key, body: { until: null } })).body.mutedUntil,
    ).toBeNull();

    expect((await client.request("DELETE", `/domains/${id}`, { key })).status).toBe(204);
    expect((await client.request("GET", `/domains/${id}`, { key })).status).toBe(404);
    expect((await client.request("GET", "/domains/not-a-uuid", { key })).status).toBe(422);
  });

  describe("with a scanned endpoint", () => {
    let endpoint: Served & { root: { pem: string } };
    let domainId: string;
    beforeAll(async () => {
      endpoint = await startLoopbackEndpoint(5);
      const created = await client.request("POST", "/domains", {
        key,
        body: { hostname: "127.0.0.1", port: endpoint.port },
      });
      domainId = created.body.id;
    });
    afterAll(() => endpoint.close());

    it("serves the current certificate and findings of the latest scan (404 before the first)", async () => {
      expect((await client.request("GET", `/domains/${domainId}/certificate`, { key })).status).toBe(404);
      await scanAndRecord(api.prisma, domainId, endpoint.root.pem);
      const certificate = await client.request("GET", `/domains/${domainId}/certificate`, { key });
      expect(certificate.status).toBe(200);
      expect(certificate.body.certificate).toMatchObject({ subject: "CN=127.0.0.1", daysRemaining: 5 });
      expect(certificate.body.chain.map((cert: { subject: string }) => cert.subject)[0]).toBe("CN=127.0.0.1");
      expect(certificate.body.chain.length).toBeGreaterThanOrEqual(2);
      expect(certificate.body.trusted).toBe(true);
      const findings = await client.request("GET", `/domains/${domainId}/findings`, { key });
      expect(findings.body.findings.map((finding: { id: string }) => finding.id)).toContain(
        "cert.expiring_soon",
      );
      const expiring = findings.body.findings.find(
        (finding: { id: string }) => finding.id === "cert.expiring_soon",
      );
      expect(expiring.remediation).toMatch(/Renew/);
      const domain = await client.request("GET", `/domains/${domainId}`, { key });
      expect(domain.body).toMatchObject({
        status: "critical",
        daysRemaining: 5,
        // A yearly certificate: renewed by hand, so no renewal point (see the lifetime tests).
        renewalDueAt: null,
        fingerprintSha256: certificate.body.certificate.fingerprintSha256,
      });
    });
  });
});
