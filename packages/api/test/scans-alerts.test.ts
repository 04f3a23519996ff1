import { startLoopbackEndpoint } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { scanAndRecord } from "./support/scans";
import { startTestApi, type TestApi } from "./support/server";

describe("scans and alerts", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  let otherKey: string;
  let endpoint: Awaited<ReturnType<typeof startLoopbackEndpoint>>;
  let domainId: string;
  beforeAll(async () => {
    api = await startTestApi("api_scans");
    client = await apiClient(api.url);
    key = await api.createKey("acme");
    otherKey = await api.createKey("globex");
    endpoint = await startLoopbackEndpoint(5);
    domainId = (
      await client.request("POST", "/domains", { key, body: { hostname: "127.0.0.1", port: endpoint.port } })
    ).body.id;
  });
  afterAll(async () => {
    await endpoint.close();
    await api.stop();
  });

  it("queues a requested scan (202 + Location) and reports it queued, then done with its result", async () => {
    const accepted = await client.request("POST", `/domains/${domainId}/scans`, { key });
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe("queued");
    expect(accepted.headers.get("location")).toBe(`/api/v1/scans/${accepted.body.id}`);
    const job = await api.queues.scans.getJob(`manual_${accepted.body.id}`);
    expect(job?.data).toEqual({ domainId, scanId: accepted.body.id });

    const queued = await client.request("GET", `/scans/${accepted.body.id}`, { key });
    expect(queued.body).toMatchObject({ status: "queued", trigger: "manual", result: null });
    expect((await client.request("GET", `/scans/${accepted.body.id}`, { key: otherKey })).status).toBe(404);

    await scanAndRecord(api.prisma, domainId, endpoint.root.pem, accepted.body.id);
    const done = await client.request("GET", `/scans/${accepted.body.id}`, { key });
    expect(done.body).toMatchObject({ status: "done", error: null, ip: "127.0.0.1" });
    expect(done.body.grade).toMatch(/^([A-F][+-]?|T|M)$/);
    expect(done.body.result.certificate.subject).toBe("CN=127.0.0.1");
    expect(done.body.result.protocols).toMatchObject({ tls1_2: true, tls1_3: true, sslv3: false });
    expect(done.body.result.findings[0].severity).toBe("critical");

    const history = await client.request("GET", `/domains/${domainId}/scans?limit=1`, { key });
    expect(history.body.items.map((scan: { id: string }) => scan.id)).toEqual([accepted.body.id]);
  });

  it("pages through a domain's history newest first", async () => {
    await scanAndRecord(api.prisma, domainId, endpoint.root.pem);
    const first = await client.request("GET", `/domains/${domainId}/scans?limit=1`, { key });
    const second = await client.request(
      "GET",
      `/domains/${domainId}/scans?limit=1&cursor=${first.body.nextCursor}`,
      { key },
    );
    expect(second.body.items[0].id < first.body.items[0].id).toBe(true);
    expect(second.body.nextCursor).toBeNull();
  });

  it("lists the alerts the scans opened, acknowledges one, and keeps teams apart", async () => {
    const active = await client.request("GET", "/alerts", { key });
    expect(active.status).toBe(200);
    const expiry = active.body.items.find((alert: { kind: string }) => alert.kind === "expiry");
    expect(expiry).toMatchObject({ domainId, hostname: "127.0.0.1", port: endpoint.port, state: "notified" });
    expect((await client.request("GET", "/alerts", { key: otherKey })).body.items).toEqual([]);
    expect((await client.request("POST", `/alerts/${expiry.id}/acknowledge`, { key: otherKey })).status).toBe(
      404,
    );

    const acknowledged = await client.request("POST", `/alerts/${expiry.id}/acknowledge`, { key });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.state).toBe("acknowledged");
    expect(acknowledged.body.acknowledgedAt).not.toBeNull();
    const byState = await client.request("GET", "/alerts?state=acknowledged", { key });
    expect(byState.body.items.map((alert: { id: string }) => alert.id)).toEqual([expiry.id]);

    await api.prisma.alert.update({
      where: { id: expiry.id },
      data: { state: "resolved", resolvedAt: new Date() },
    });
    const conflict = await client.request("POST", `/alerts/${expiry.id}/acknowledge`, { key });
    expect(conflict.status).toBe(409);
    const resolved = await client.request("GET", `/alerts?state=resolved&domainId=${domainId}`, { key });
    expect(resolved.body.items.map((alert: { id: string }) => alert.id)).toContain(expiry.id);
  });
});
