import { createTestDatabase, freePort, type TestDatabase, testRedisUrl } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeb } from "./support/web";

describe("web app (production build)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("web_health");
  });
  afterAll(() => db.drop());

  describe("with PostgreSQL and Redis up", () => {
    let web: Awaited<ReturnType<typeof startWeb>>;
    beforeAll(async () => {
      web = await startWeb({ DATABASE_URL: db.url, REDIS_URL: testRedisUrl() });
    });
    afterAll(() => web.stop());

    it("reports healthy with 200", async () => {
      const response = await fetch(`${web.url}/api/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(await response.json()).toMatchObject({ status: "ok", database: "up", redis: "up" });
    });

    it("serves the landing page", async () => {
      const response = await fetch(web.url);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Know before your certificates hurt.");
      expect(response.headers.get("x-powered-by")).toBeNull();
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    });
  });

  describe("with Redis unreachable", () => {
    let web: Awaited<ReturnType<typeof startWeb>>;
    beforeAll(async () => {
      web = await startWeb({ DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    });
    afterAll(() => web.stop());

    it("reports 503 naming Redis as down and the database as up", async () => {
      const response = await fetch(`${web.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "degraded", database: "up", redis: "down" });
    });
  });
});
