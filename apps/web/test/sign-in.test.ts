import { spawn } from "node:child_process";
import { processEnv } from "@port443/config";
import {
  createTestDatabase,
  freePort,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeb, webDir } from "./support/web";

/** Six wrong passwords from this test (one TCP peer), each claiming another client address. */
async function forgedAttempts(url: string, forwardedFor: (attempt: number) => string): Promise<number[]> {
  const statuses = [];
  for (let attempt = 1; attempt <= 6; attempt++) {
    const response = await fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, "x-forwarded-for": forwardedFor(attempt) },
      // A new account each time: the per-account limit stays out of the way.
      body: JSON.stringify({ email: `visitor${attempt}@example.com`, password: "not the password" }),
    });
    statuses.push(response.status);
  }
  return statuses;
}

describe("sign-in's client address in the production build", () => {
  let db: TestDatabase;
  let direct: Awaited<ReturnType<typeof startWeb>>;
  let proxied: Awaited<ReturnType<typeof startWeb>>;
  beforeAll(async () => {
    db = await createTestDatabase("web_sign_in");
    const env = { DATABASE_URL: db.url, REDIS_URL: testRedisUrl() };
    direct = await startWeb({ ...env, PORT443_QUEUE_PREFIX: uniquePrefix("web-direct") });
    // This test's own address plays the proxy in front of the second server.
    proxied = await startWeb({
      ...env,
      PORT443_QUEUE_PREFIX: uniquePrefix("web-proxied"),
      PORT443_TRUSTED_PROXIES: "127.0.0.1, ::1",
    });
  }, 120_000);
  afterAll(async () => {
    direct?.stop();
    proxied?.stop();
    await db?.drop();
  });

  it("counts six attempts from one client with six different X-Forwarded-For values as one client's", async () => {
    expect(await forgedAttempts(direct.url, (attempt) => `198.51.100.${attempt}`)).toEqual([
      401, 401, 401, 401, 401, 429,
    ]);
  });

  it("behind a trusted proxy, counts each client the proxy names apart, and ignores what clients forge", async () => {
    expect(await forgedAttempts(proxied.url, (attempt) => `198.51.100.${attempt}`)).toEqual([
      401, 401, 401, 401, 401, 401,
    ]);
    expect(await forgedAttempts(proxied.url, (attempt) => `6.6.6.${attempt}, 192.0.2.77`)).toEqual([
      401, 401, 401, 401, 401, 429,
    ]);
  });
});

describe("the production build refuses unsafe settings", () => {
  /** Starts the web server and returns how it ended and what it said, if it ends within 60 s. */
  async function refusal(env: Record<string, string>) {
    const child = spawn(process.execPath, ["server.mjs", "-p", String(await freePort())], {
      cwd: webDir,
      env: {
        ...processEnv(),
        NODE_ENV: "production",
        DATABASE_URL: "postgresql://unused:unused@127.0.0.1:1/unused",
        REDIS_URL: "redis://127.0.0.1:1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    return { code, lines: stderr.trim().split("\n") };
  }

  it("will not start with docker-compose.yml's placeholder AUTH_SECRET, and says so in one line", async () => {
    const { code, lines } = await refusal({
      AUTH_SECRET: "change-me-to-32-or-more-random-characters",
      SMTP_URL: "smtp://127.0.0.1:1",
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      "port443 web: not starting: AUTH_SECRET: AUTH_SECRET is the placeholder from docker-compose.yml; generate one with `openssl rand -base64 32`",
    ]);
  });

  it("will not start without SMTP, rather than write sign-in links to the log", async () => {
    const { code, lines } = await refusal({ AUTH_SECRET: "kQ3vZr8LwN2pXc7TbY5mHs9JdF4gA6eU1oRiVtWnE0M" });
    expect(code).toBe(1);
    expect(lines).toEqual([
      "port443 web: not starting: SMTP_URL: SMTP_URL is required in production: sign-in and reset links are never written to the log",
    ]);
  });
});
