import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

describe("Idempotency-Key", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  beforeAll(async () => {
    api = await startTestApi("api_idempotency");
    client = await apiClient(api.url);
    key = await api.createKey("acme");
  });
  afterAll(() => api.stop());

  it("replays the first response for a retried POST instead of acting twice", async () => {
    const headers = { "idempotency-key": "deploy-4711-add" };
    const first = await client.request("POST", "/domains", {
      key,
      headers,
      body: { hostname: "retry.example" },
    });
    const again = await client.request("POST", "/domains", {
      key,
      headers,
      body: { hostname: "retry.example" },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await api.prisma.domain.count({ where: { hostname: "retry.example" } })).toBe(1);

    const scanHeaders = { "idempotency-key": "deploy-4711-scan" };
    const scan = await client.request("POST", `/domains/${first.body.id}/scans`, {
      key,
      headers: scanHeaders,
    });
    const scanAgain = await client.request("POST", `/domains/${first.body.id}/scans`, {
      key,
      headers: scanHeaders,
    });
    expect(scanAgain.body.id).toBe(scan.body.id);
    expect(await api.prisma.scan.count({ where: { domainId: first.body.id, trigger: "manual" } })).toBe(1);
  });

  it("refuses the same key with another body, and keys are per API key", async () => {
    const headers = { "idempotency-key": "reused" };
    expect(
      (await client.request("POST", "/domains", { key, headers, body: { hostname: "a.example" } })).status,
    ).toBe(201);
    const mismatch = await client.request("POST", "/domains", {
      key,
      headers,
      body: { hostname: "b.example" },
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.type).toBe("urn:port443:problem:idempotency_mismatch");
    const otherKey = await api.createKey("acme");
    const other = await client.request("POST", "/domains", {
      key: otherKey,
      headers,
      body: { hostname: "b.example" },
    });
    expect(other.status).toBe(201);
  });

  it("keeps client errors for replay, and refuses a malformed key", async () => {
    const headers = { "idempotency-key": "conflicting" };
    const first = await client.request("POST", "/domains", {
      key,
      headers,
      body: { hostname: "retry.example" },
    });
    expect(first.status).toBe(409);
    const replay = await client.request("POST", "/domains", {
      key,
      headers,
      body: { hostname: "retry.example" },
    });
    expect(replay.status).toBe(409);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.headers.get("content-type")).toBe("application/problem+json");

    const bad = await client.request("POST", "/domains", {
      key,
      headers: { "idempotency-key": "x".repeat(300) },
      body: { hostname: "c.example" },
    });
    expect(bad.status).toBe(400);
  });
});
