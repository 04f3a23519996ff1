import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/server";

/** A raw exchange: status, headers and the body's bytes as sent. */
function exchange(url: string, method: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const sent = request(url, { method, headers }, async (response) => {
        const chunks: Buffer[] = [];
        for await (const chunk of response) chunks.push(chunk);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
      sent.on("error", reject);
      sent.end();
    },
  );
}

/** What Next.js did for the API when it served it, kept by the API itself. */
describe("HTTP around the API", () => {
  let api: TestApi;
  let key: string;
  beforeAll(async () => {
    api = await startTestApi("api_http");
    key = await api.createKey("acme", ["read", "write"]);
    for (let i = 0; i < 20; i++)
      await api.prisma.domain.create({
        data: { teamId: await api.teamId("acme"), hostname: `host-${i}.example`, tags: ["prod"] },
      });
  });
  afterAll(() => api.stop());

  it("redirects a trailing slash with 308 to the path without it, keeping the query", async () => {
    for (const method of ["GET", "POST"]) {
      const response = await exchange(`${api.url}/api/v1/domains/?tag=prod`, method, {
        authorization: `Bearer ${key}`,
      });
      expect(response.status).toBe(308);
      expect(response.headers.location).toBe("/api/v1/domains?tag=prod");
    }
  });

  it("compresses with gzip when the client asks, and only then", async () => {
    const headers = { authorization: `Bearer ${key}` };
    const plain = await exchange(`${api.url}/api/v1/domains`, "GET", headers);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const gzipped = await exchange(`${api.url}/api/v1/domains`, "GET", {
      ...headers,
      "accept-encoding": "gzip",
    });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toContain("Accept-Encoding");
    expect(gzipped.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(gunzipSync(gzipped.body).toString()).items).toHaveLength(20);
  });
});
