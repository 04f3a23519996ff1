import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

const MiB = 1_048_576;

/**
 * POSTs `bytes` of JSON whitespace without finishing the request and resolves with the answer:
 * a server that waited for the whole body before answering would never resolve.
 */
async function postUnfinished(url: string, headers: Record<string, string>, bytes: number) {
  const request = httpRequest(url, { method: "POST", headers });
  request.on("error", () => {}); // the server may close the connection once it has answered
  const answered = new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve) =>
    request.once("response", async (response) => {
      let body = "";
      for await (const chunk of response) body += chunk;
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
    }),
  );
  request.write(Buffer.alloc(bytes, " "));
  const response = await answered;
  request.destroy();
  return response;
}

/** POSTs a whole chunked body (no Content-Length) of `bytes`, as fast as the server reads it. */
async function postChunked(url: string, headers: Record<string, string>, bytes: number) {
  const request = httpRequest(url, { method: "POST", headers });
  request.on("error", () => {});
  let answer: { status: number; body: string } | undefined;
  const answered = new Promise<{ status: number; body: string }>((resolve) =>
    request.once("response", async (response) => {
      let body = "";
      for await (const chunk of response) body += chunk;
      answer = { status: response.statusCode ?? 0, body };
      resolve(answer);
    }),
  );
  const chunk = Buffer.alloc(64 * 1024, " ");
  let sent = 0;
  while (sent < bytes && !answer && !request.destroyed) {
    sent += chunk.length;
    if (!request.write(chunk))
      await Promise.race([new Promise((resolve) => request.once("drain", resolve)), answered]);
  }
  if (!answer) request.end();
  const response = await answered;
  request.destroy();
  return { ...response, sent };
}

describe("request body limits", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  beforeAll(async () => {
    api = await startTestApi("api_body_limit");
    client = await apiClient(api.url);
    key = await api.createKey("acme");
  });
  afterAll(() => api.stop());

  const auth = () => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });
  const problemOf = (method: string, path: string, response: { status: number; body: string }) => {
    const parsed = { status: response.status, headers: new Headers(), body: JSON.parse(response.body) };
    client.validate(method, `/api/v1${path}`, parsed, "application/problem+json");
    return parsed.body;
  };

  it("answers a 10 MB POST with 413 by its Content-Length, before the body is sent", async () => {
    const response = await postUnfinished(
      `${api.url}/api/v1/domains/bulk`,
      { ...auth(), "content-length": String(10 * MiB) },
      64 * 1024,
    );
    expect(response.status).toBe(413);
    expect(response.headers["content-type"]).toBe("application/problem+json");
    expect(problemOf("POST", "/domains/bulk", response)).toMatchObject({
      type: "urn:port443:problem:payload_too_large",
      detail: "the request body exceeds this endpoint's limit of 7.3 MiB (7680000 bytes)",
    });
  });

  it("counts a chunked body without Content-Length and stops reading at the limit", async () => {
    const unfinished = await postUnfinished(`${api.url}/api/v1/domains`, auth(), 2 * MiB);
    expect(unfinished.status).toBe(413);
    expect(problemOf("POST", "/domains", unfinished).detail).toBe(
      "the request body exceeds this endpoint's limit of 1 MiB",
    );

    const whole = await postChunked(`${api.url}/api/v1/domains/bulk`, auth(), 10 * MiB);
    expect(whole.status).toBe(413);
    expect(problemOf("POST", "/domains/bulk", whole).type).toBe("urn:port443:problem:payload_too_large");
    expect(await api.prisma.domain.count()).toBe(0);
  });

  it("takes a bulk import of 5,000 domains with tags beyond 1 MiB, and no such body elsewhere", async () => {
    const domains = Array.from({ length: 5_000 }, (_, index) => ({
      hostname: `tenant-${String(index).padStart(4, "0")}.${"regional-edge.".repeat(5)}customers.example.com`,
      tags: ["prod", "eu-west-1", "payments-platform", "team-checkout", "tier-1", "pci-dss"],
      scanIntervalSeconds: 3_600,
    }));
    const body = JSON.stringify({ domains });
    expect(body.length).toBeGreaterThan(MiB);
    const accepted = await client.request("POST", "/domains/bulk", { key, body });
    expect(accepted.status).toBe(201);
    expect(accepted.body.items).toHaveLength(5_000);

    const padded = JSON.stringify({ hostname: "padded.example" }) + " ".repeat(MiB);
    const refused = await client.request("POST", "/domains", { key, body: padded });
    expect(refused.status).toBe(413);
    expect(await api.prisma.domain.count({ where: { hostname: "padded.example" } })).toBe(0);
  });
});

describe("idempotency records within the body limit", () => {
  let api: TestApi;
  let client: ApiClient;
  let key: string;
  beforeAll(async () => {
    // A domain's JSON is longer than 300 bytes, a conflict's problem shorter.
    api = await startTestApi("api_body_limit_idempotency", { maxBodyBytes: 300 });
    client = await apiClient(api.url);
    key = await api.createKey("acme");
  });
  afterAll(() => api.stop());

  it("keeps no response larger than the limit: the key is released and a retry runs again", async () => {
    const headers = { "idempotency-key": "large-response" };
    const first = await client.request("POST", "/domains", {
      key,
      headers,
      body: { hostname: "big.example" },
    });
    expect(first.status).toBe(201);
    expect(Buffer.byteLength(JSON.stringify(first.body))).toBeGreaterThan(300);
    const retried = await client.request("POST", "/domains", {
      key,
      headers,
      body: { hostname: "big.example" },
    });
    expect(retried.status).toBe(409);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();

    const replayed = await client.request("POST", "/domains", {
      key,
      headers,
      body: { hostname: "big.example" },
    });
    expect(replayed.status).toBe(409);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
  });
});
