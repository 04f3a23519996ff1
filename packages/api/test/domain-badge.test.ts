import { disableBadge, enableBadge, rotateBadge } from "@port443/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

describe("a domain's badge URL in the API", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  beforeAll(async () => {
    api = await startTestApi("api_domain_badge");
    client = await apiClient(api.url);
    key = await api.createKey("acme");
  });
  afterAll(() => api.stop());

  it("is null while the badge is off, and the absolute URL under the public URL while on", async () => {
    const created = await client.request("POST", "/domains", { key, body: { hostname: "badged.example" } });
    expect(created.status).toBe(201);
    expect(created.body.badgeUrl).toBeNull();
    const path = `/domains/${created.body.id}`;
    const ctx = {
      prisma: api.prisma,
      queues: api.queues,
      teamId: await api.teamId("acme"),
      role: "member" as const,
    };
    const domainId = created.body.id as string;

    const { token } = await enableBadge(ctx, { domainId });
    // The test server's public URL is where it listens.
    const url = `${api.url}/badges/${token}.svg`;
    expect((await client.request("GET", path, { key })).body.badgeUrl).toBe(url);
    const listed = await client.request("GET", "/domains", { key });
    expect(listed.body.items.find((domain: { id: string }) => domain.id === domainId).badgeUrl).toBe(url);

    const rotated = await rotateBadge(ctx, { domainId });
    expect((await client.request("GET", path, { key })).body.badgeUrl).toBe(
      `${api.url}/badges/${rotated.token}.svg`,
    );
    await disableBadge(ctx, { domainId });
    expect((await client.request("GET", path, { key })).body.badgeUrl).toBeNull();
  });
});
