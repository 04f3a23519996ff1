import { startLoopbackEndpoint } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { scanAndRecord } from "./support/scans";
import { startTestApi, type TestApi } from "./support/server";

describe("watch probes and deep scans in the API", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  beforeAll(async () => {
    api = await startTestApi("api_domain_schedule", { quotas: { minWatchIntervalSeconds: 300 } });
    client = await apiClient(api.url);
    key = await api.createKey("acme");
  });
  afterAll(() => api.stop());

  it("shows a domain's watch interval and probe times, and sets or clears its own interval", async () => {
    const created = await client.request("POST", "/domains", { key, body: { hostname: "watched.example" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      watchIntervalSeconds: null,
      scanIntervalSeconds: null,
      lastProbeAt: null,
      lastSeenAt: null,
      lastScanAt: null,
    });
    // Its first watch probe follows its first deep scan.
    expect(created.body.nextWatchAt).toBe(created.body.nextScanAt);
    const path = `/domains/${created.body.id}`;

    const own = await client.request("PATCH", path, { key, body: { watchIntervalSeconds: 1_800 } });
    expect(own.status).toBe(200);
    expect(own.body.watchIntervalSeconds).toBe(1_800);
    expect((await client.request("GET", path, { key })).body.watchIntervalSeconds).toBe(1_800);

    const seen = new Date(Date.now() - 60_000);
    await api.prisma.domain.update({
      where: { id: created.body.id },
      data: { lastProbeAt: seen, lastSeenAt: seen },
    });
    expect((await client.request("GET", path, { key })).body).toMatchObject({
      lastProbeAt: seen.toISOString(),
      lastSeenAt: seen.toISOString(),
    });

    const cleared = await client.request("PATCH", path, { key, body: { watchIntervalSeconds: null } });
    expect(cleared.body.watchIntervalSeconds).toBeNull();
    expect(
      (
        await client.request("POST", "/domains", {
          key,
          body: { hostname: "own.example", watchIntervalSeconds: 600 },
        })
      ).body.watchIntervalSeconds,
    ).toBe(600);
  });

  it("refuses a watch interval below the deployment's minimum: 422 problem+json pointing at the field", async () => {
    const { body: domain } = await client.request("POST", "/domains", {
      key,
      body: { hostname: "fast.example" },
    });
    const refused = await client.request("PATCH", `/domains/${domain.id}`, {
      key,
      body: { watchIntervalSeconds: 120 },
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.body).toMatchObject({
      type: "urn:port443:problem:validation",
      errors: [
        { in: "body", pointer: "/watchIntervalSeconds", detail: "at least 300 seconds on this deployment" },
      ],
    });
    // Below any deployment's floor, the schema refuses it alike.
    const tooFast = await client.request("PATCH", `/domains/${domain.id}`, {
      key,
      body: { watchIntervalSeconds: 30 },
    });
    expect(tooFast.status).toBe(422);
    expect(tooFast.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual([
      "/watchIntervalSeconds",
    ]);
    expect(
      (await api.prisma.domain.findUniqueOrThrow({ where: { id: domain.id } })).watchIntervalSeconds,
    ).toBeNull();
  });

  it("lists deep scans with their trigger and until when watch probes saw each unchanged", async () => {
    const endpoint = await startLoopbackEndpoint(30);
    try {
      const { body: domain } = await client.request("POST", "/domains", {
        key,
        body: { hostname: "127.0.0.1", port: endpoint.port },
      });
      const first = await scanAndRecord(api.prisma, domain.id, endpoint.root.pem);
      // A watch probe saw it unchanged; then a change brought the next deep scan.
      const seen = new Date();
      await api.prisma.domain.update({ where: { id: domain.id }, data: { lastSeenAt: seen } });
      const second = await scanAndRecord(api.prisma, domain.id, endpoint.root.pem);
      await api.prisma.scan.update({ where: { id: second.scanId }, data: { trigger: "change" } });

      const list = await client.request("GET", `/domains/${domain.id}/scans`, { key });
      expect(list.status).toBe(200);
      expect(
        list.body.items.map((scan: { id: string; trigger: string; seenUntil: string | null }) => [
          scan.id,
          scan.trigger,
          scan.seenUntil,
        ]),
      ).toEqual([
        [second.scanId, "change", null],
        [first.scanId, "schedule", seen.toISOString()],
      ]);
      const detail = await client.request("GET", `/scans/${first.scanId}`, { key });
      expect(detail.body).toMatchObject({ trigger: "schedule", seenUntil: seen.toISOString() });
      expect((await client.request("GET", `/domains/${domain.id}`, { key })).body.lastSeenAt).toBe(
        seen.toISOString(),
      );
    } finally {
      await endpoint.close();
    }
  });
});
