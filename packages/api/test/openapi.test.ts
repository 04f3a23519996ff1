import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/client";
import { startTestApi, type TestApi } from "./support/server";

const redocly = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "bin/cli.js",
);

describe("OpenAPI document", () => {
  let api: TestApi;
  let document: { openapi: string; paths: Record<string, Record<string, { security?: unknown[] }>> };
  beforeAll(async () => {
    api = await startTestApi("api_openapi");
    document = (await (await fetch(`${api.url}/api/v1/openapi.json`)).json()) as typeof document;
  });
  afterAll(() => api.stop());

  it("is OpenAPI 3.1, public, and requires a key for every operation", async () => {
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.values(document.paths).flatMap((path) => Object.values(path));
    expect(operations.length).toBeGreaterThanOrEqual(13);
    for (const operation of operations) expect(operation.security).toEqual([{ bearer: [] }]);
  });

  it("is what the tests' client holds every response to: undocumented statuses and wrong bodies fail", async () => {
    const client = await apiClient(api.url);
    const problem = {
      type: "urn:port443:problem:not_found",
      title: "Not found",
      status: 404,
      detail: "no such domain",
    };
    const as =
      (status: number, body: unknown, type = "application/json") =>
      () =>
        client.validate(
          "GET",
          "/api/v1/domains/019ac1c2-7d7e-7b41-a7f3-5f4c0e6f1a2b",
          { status, body, headers: new Headers() },
          type,
        );
    expect(as(404, problem, "application/problem+json")).not.toThrow();
    expect(as(404, { ...problem, status: "404" }, "application/problem+json")).toThrow(/does not match/);
    expect(as(418, problem, "application/problem+json")).toThrow(/does not document status 418/);
    expect(as(200, { id: "x" })).toThrow(/does not match/);
  });

  it("passes `redocly lint` with the recommended rules", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "openapi-"));
    try {
      const file = path.join(dir, "openapi.json");
      await writeFile(file, JSON.stringify(document));
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [redocly, "lint", file, "--format", "stylish"],
        {
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        },
      ).catch((error: { stdout: string; stderr: string }) => {
        throw new Error(`redocly lint failed:\n${error.stdout}\n${error.stderr}`);
      });
      expect(`${stdout}${stderr}`).toContain("Your API description is valid");
      expect(`${stdout}${stderr}`).not.toMatch(/You have \d+ warnings?/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
