import { startTestApi, type TestApi } from "@port443/api/testing";
import { freePort, startHttpServer } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, type ApiRequest, connectApi } from "../src/api/client";
import { type Domain, domainPages, findDomain, formatDomainTable } from "../src/api/domains";
import { UsageError } from "../src/scan/targets";

const DAY = 86_400_000;

/** The API client in this process, against the real API: what every command's requests go through. */
describe("API client", { timeout: 30_000 }, () => {
  let api: TestApi;
  let request: ApiRequest;
  let teamId: string;

  beforeAll(async () => {
    api = await startTestApi("cli_client");
    request = connectApi({ apiUrl: api.url, token: await api.createKey("acme"), timeout: 10_000 });
    teamId = await api.teamId("acme");
    await api.prisma.domain.createMany({
      data: [
        { teamId, hostname: "a.example.com", tags: ["prod"], status: "ok", grade: "A_PLUS" },
        {
          teamId,
          hostname: "b.example.com",
          tags: ["prod"],
          status: "warning",
          grade: "B",
          notAfter: new Date(Date.now() + 5 * DAY),
        },
        { teamId, hostname: "example.com", port: 8443, tags: ["staging"] },
        ...Array.from({ length: 12 }, (_, index) => ({ teamId, hostname: `host${index}.paged.test` })),
      ],
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const hostnames = async (filters: Parameters<typeof domainPages>[1]) => {
    const names: string[] = [];
    for await (const page of domainPages(request, filters, 200))
      names.push(...page.items.map((domain) => domain.hostname));
    return names;
  };

  it("passes each list filter to the API", async () => {
    expect(await hostnames({ tag: "prod" })).toEqual(["a.example.com", "b.example.com"]);
    expect(await hostnames({ status: "warning" })).toEqual(["b.example.com"]);
    expect(await hostnames({ grade: "A+" })).toEqual(["a.example.com"]);
    expect(await hostnames({ expiringWithinDays: 10 })).toEqual(["b.example.com"]);
    expect(await hostnames({ search: "example" })).toEqual(["a.example.com", "b.example.com", "example.com"]);
  });

  it("follows nextCursor page by page", async () => {
    const pages: number[] = [];
    for await (const page of domainPages(request, { search: "paged" }, 5)) pages.push(page.items.length);
    expect(pages).toEqual([5, 5, 2]);
  });

  it("finds a domain by exact hostname and port, or by id, not by part of the name", async () => {
    const found = await findDomain(request, "EXAMPLE.com:8443");
    expect(found).toMatchObject({ hostname: "example.com", port: 8443 });
    expect(await findDomain(request, found.id)).toMatchObject({ hostname: "example.com" });
    await expect(findDomain(request, "example.com")).rejects.toThrow(
      new ApiError("example.com:443 is not monitored by this key's team"),
    );
    await expect(findDomain(request, "bad host")).rejects.toBeInstanceOf(UsageError);
  });

  it("turns problem+json into an ApiError with the field errors", async () => {
    const error = await request("POST", "/domains/bulk", {
      domains: [{ hostname: "ok.example.com" }, { hostname: "not a host" }, { hostname: "a.example.com" }],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      message: "2 of 3 lines are invalid; nothing was added (HTTP 422)",
      details: [
        'body /domains/1/hostname: "not a host" is not a valid hostname',
        "body /domains/2: a.example.com:443 is already monitored",
      ],
    });
  });

  it("names the key on 401 and the wait on 429", async () => {
    const badKey = connectApi({ apiUrl: api.url, token: `p443_${"x".repeat(32)}`, timeout: 10_000 });
    await expect(badKey("GET", "/domains")).rejects.toMatchObject({
      message: "unknown API key (HTTP 401)",
      details: ["check the API key: --token or PORT443_TOKEN"],
    });
    const limitedApi = await startTestApi("cli_limited", { rateLimit: 1 });
    try {
      const limited = connectApi({
        apiUrl: limitedApi.url,
        token: await limitedApi.createKey("acme"),
        timeout: 10_000,
      });
      await limited("GET", "/domains");
      const error = (await limited("GET", "/domains").catch((caught: unknown) => caught)) as ApiError;
      expect(error.message).toMatch(/^this key may make 1 request per 60 s; retry in \d+ s \(HTTP 429\)$/);
      expect(error.details).toEqual([expect.stringMatching(/^retry after \d+ s \(Retry-After\)$/)]);
    } finally {
      await limitedApi.stop();
    }
  });

  it("says what is wrong when --api-url is not the API or nothing listens there", async () => {
    const token = await api.createKey("acme");
    // Some other web server: a page where the API would be, nothing elsewhere.
    const other = await startHttpServer({
      "/api/v1/domains": { body: Buffer.from("<html>"), type: "text/html" },
    });
    try {
      const notApi = connectApi({ apiUrl: other.url(""), token, timeout: 10_000 });
      await expect(notApi("GET", "/domains")).rejects.toMatchObject({
        message: `${other.url("")} answered GET /domains with something other than JSON`,
        details: ["is --api-url (or PORT443_API_URL) the Port443 API?"],
      });
      await expect(notApi("GET", "/checks")).rejects.toMatchObject({ message: "HTTP 404 Not Found" });
    } finally {
      await other.close();
    }
    const nobody = `http://127.0.0.1:${await freePort()}`;
    await expect(connectApi({ apiUrl: nobody, token, timeout: 10_000 })("GET", "/domains")).rejects.toThrow(
      new ApiError(`cannot reach the API at ${nobody}: ECONNREFUSED`),
    );
    expect(() => connectApi({ apiUrl: "ftp://example.com", token, timeout: 1 })).toThrow(UsageError);
    expect(() => connectApi({ apiUrl: api.url, token: "", timeout: 1 })).toThrow(/no API key/);
  });
});

describe("domain table", () => {
  it("aligns the columns and right-aligns days", () => {
    const domain = (fields: Partial<Domain>): Domain => ({
      id: "id",
      hostname: "example.com",
      port: 443,
      tags: [],
      status: "pending",
      grade: null,
      daysRemaining: null,
      issuer: null,
      ...fields,
    });
    expect(
      formatDomainTable([
        domain({
          hostname: "shop.example.com",
          grade: "A+",
          daysRemaining: 120,
          status: "ok",
          issuer: "R11",
          tags: ["eu", "prod"],
        }),
        domain({
          hostname: "::1",
          port: 8443,
          grade: "B",
          daysRemaining: -3,
          status: "critical",
          issuer: "CN=Test",
        }),
        domain({}),
      ]),
    ).toBe(
      [
        "domain                grade  days  status    issuer   tags",
        "shop.example.com:443  A+      120  ok        R11      eu,prod",
        "[::1]:8443            B        -3  critical  CN=Test  –",
        "example.com:443       –         –  pending   –        –",
        "",
      ].join("\n"),
    );
  });
});
