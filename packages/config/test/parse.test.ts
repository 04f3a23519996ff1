import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../src/parse";
import { webEnvSchema } from "../src/web";
import { workerEnvSchema } from "../src/worker";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", REDIS_URL: "redis://localhost:6379" };

describe("parseEnv", () => {
  it("accepts a valid environment and fills defaults", () => {
    const env = parseEnv(workerEnvSchema, valid);
    expect(env.DATABASE_URL).toBe(valid.DATABASE_URL);
    expect(env.WORKER_PORT).toBe(3001);
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.SCANS_PER_ADDRESS).toBe(2);
  });

  it("rejects a malformed DATABASE_URL with a message naming the variable", () => {
    const attempt = () => parseEnv(webEnvSchema, { ...valid, DATABASE_URL: "not a url" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/DATABASE_URL: DATABASE_URL must be a URL starting with postgres:\/\//);
  });

  it("rejects a DATABASE_URL of another database kind", () => {
    expect(() => parseEnv(webEnvSchema, { ...valid, DATABASE_URL: "mysql://localhost/db" })).toThrow(
      /DATABASE_URL/,
    );
  });

  it("reports every missing variable at once", () => {
    try {
      parseEnv(webEnvSchema, {});
      expect.unreachable("parseEnv accepted an empty environment");
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).issues.map((issue) => issue.variable)).toEqual([
        "DATABASE_URL",
        "REDIS_URL",
        "AUTH_SECRET",
      ]);
    }
  });

  it("refuses a short AUTH_SECRET", () => {
    const web = { DATABASE_URL: valid.DATABASE_URL, REDIS_URL: valid.REDIS_URL };
    expect(() => parseEnv(webEnvSchema, { ...web, AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET must be at least 32/,
    );
    expect(parseEnv(webEnvSchema, { ...web, AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });

  it("rejects an out-of-range port and treats an empty value as unset", () => {
    expect(() => parseEnv(workerEnvSchema, { ...valid, WORKER_PORT: "70000" })).toThrow(/WORKER_PORT/);
    expect(parseEnv(workerEnvSchema, { ...valid, WORKER_PORT: "" }).WORKER_PORT).toBe(3001);
  });

  it("reads ACME directories per issuer key id and for all, and names a bad entry", () => {
    const env = parseEnv(workerEnvSchema, {
      ...valid,
      PORT443_ACME_DIRECTORIES: "A1:B2:C3=https://acme.internal/directory, https://acme.example/dir",
    });
    expect(env.PORT443_ACME_DIRECTORIES).toEqual({
      byIssuerKeyId: { a1b2c3: "https://acme.internal/directory" },
      all: "https://acme.example/dir",
    });
    expect(parseEnv(workerEnvSchema, valid).PORT443_ACME_DIRECTORIES).toEqual({ byIssuerKeyId: {} });
    expect(() => parseEnv(workerEnvSchema, { ...valid, PORT443_ACME_DIRECTORIES: "a1=ftp://x" })).toThrow(
      /PORT443_ACME_DIRECTORIES: "a1=ftp:\/\/x" is not issuer-key-id=URL or an http\(s\) URL/,
    );
  });

  it("reads the worker's webhook allow-list apart from the scan allow-list", () => {
    const env = parseEnv(workerEnvSchema, {
      ...valid,
      PORT443_TARGET_ALLOWLIST: "10.20.0.0/16",
      PORT443_WEBHOOK_ALLOWLIST: "10.30.0.0/16, fd00:30::/32",
    });
    expect(env.PORT443_TARGET_ALLOWLIST).toEqual(["10.20.0.0/16"]);
    expect(env.PORT443_WEBHOOK_ALLOWLIST).toEqual(["10.30.0.0/16", "fd00:30::/32"]);
    expect(parseEnv(workerEnvSchema, valid).PORT443_WEBHOOK_ALLOWLIST).toEqual([]);
  });
});
