import { type Served, startLoopbackEndpoint, startRawServer } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

describe("per-team limits", () => {
  let api: TestApi;
  let client: ApiClient;
  let good: Served;
  let silent: Served;
  const CHECK_TIMEOUT_MS = 7_000;
  beforeAll(async () => {
    api = await startTestApi("api_limits", {
      quotas: { domains: 2, manualScansPerHour: 1 },
      checksAtOnce: 2,
      checksPerTeam: 1,
      checkTimeoutMs: CHECK_TIMEOUT_MS,
    });
    client = await apiClient(api.url);
    good = await startLoopbackEndpoint(90);
    silent = await startRawServer("silent");
  });
  afterAll(async () => {
    await Promise.all([good.close(), silent.close()]);
    await api.stop();
  });

  it("answers 422 quota_exceeded past the team's domain quota, singly and in bulk", async () => {
    const key = await api.createKey("quota");
    const first = await client.request("POST", "/domains", { key, body: { hostname: "one.example" } });
    expect(first.status).toBe(201);
    const bulk = await client.request("POST", "/domains/bulk", {
      key,
      body: { domains: [{ hostname: "two.example" }, { hostname: "three.example" }] },
    });
    expect(bulk.status).toBe(422);
    expect(bulk.body).toMatchObject({
      type: "urn:port443:problem:quota_exceeded",
      detail:
        "domain quota reached: a team may monitor at most 2 domains and this one has 1, so 2 more do not fit",
    });
    expect(
      (await client.request("POST", "/domains", { key, body: { hostname: "two.example" } })).status,
    ).toBe(201);
    const third = await client.request("POST", "/domains", { key, body: { hostname: "three.example" } });
    expect(third.status).toBe(422);
    expect(third.body.type).toBe("urn:port443:problem:quota_exceeded");
    expect(third.body.detail).toMatch(/at most 2 domains/);
  });

  it("answers 429 with Retry-After past the team's manual scans per hour", async () => {
    const key = await api.createKey("scans");
    const domain = await client.request("POST", "/domains", { key, body: { hostname: "scan.example" } });
    expect((await client.request("POST", `/domains/${domain.body.id}/scans`, { key })).status).toBe(202);
    const refused = await client.request("POST", `/domains/${domain.body.id}/scans`, { key });
    expect(refused.status).toBe(429);
    expect(refused.body.type).toBe("urn:port443:problem:rate_limited");
    expect(refused.body.detail).toMatch(/^manual scan rate reached: a team may request 1 scans per hour/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3_500);
  });

  it("one team's slow checks hold only its own turns: another team's check runs at once", async () => {
    const [busyKey, otherKey] = [await api.createKey("busy"), await api.createKey("other")];
    const check = (key: string, port: number) =>
      client.request("POST", "/checks", { key, body: { host: "127.0.0.1", port } });
    // The busy team sends as many checks as there are slots, towards a server that never answers.
    const busy = [check(busyKey, silent.port), check(busyKey, silent.port)];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const other = await check(otherKey, good.port);
    expect(other.status).toBe(200);
    expect(other.body.report.error).toBeNull();
    expect(Date.now() - started).toBeLessThan(CHECK_TIMEOUT_MS - 3_000);

    const statuses = (await Promise.all(busy)).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 429]);
    const refused = (await Promise.all(busy)).find((response) => response.status === 429)!;
    expect(refused.body).toMatchObject({
      type: "urn:port443:problem:rate_limited",
      detail: "check concurrency reached: a team may run 1 check at once; retry when one has finished",
    });
    expect(refused.headers.get("retry-after")).toBe("10");
  });
});
