import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../src/parse";
import { estimateSecretBits, MIN_SECRET_BITS } from "../src/secret-strength";
import { toolingEnvSchema } from "../src/tooling";
import { webEnvSchema } from "../src/web";

const web = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  REDIS_URL: "redis://localhost:6379",
  AUTH_SECRET: randomBytes(32).toString("base64"),
};
const production = { ...web, NODE_ENV: "production", SMTP_URL: "smtp://mail.internal:25" };

/** The problems parseEnv reports, one "VARIABLE: message" line each. */
function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(webEnvSchema, source);
    return [];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return error.issues.map((issue) => `${issue.variable}: ${issue.message}`);
  }
}

describe("sign-in settings", () => {
  it("trusts no proxy unless told, else a hop count or addresses and ranges", () => {
    expect(parseEnv(webEnvSchema, web).PORT443_TRUSTED_PROXIES).toEqual({ hops: 0 });
    expect(parseEnv(webEnvSchema, { ...web, PORT443_TRUSTED_PROXIES: "" }).PORT443_TRUSTED_PROXIES).toEqual({
      hops: 0,
    });
    expect(parseEnv(webEnvSchema, { ...web, PORT443_TRUSTED_PROXIES: "2" }).PORT443_TRUSTED_PROXIES).toEqual({
      hops: 2,
    });
    expect(
      parseEnv(webEnvSchema, { ...web, PORT443_TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7 ,fd00::/8" })
        .PORT443_TRUSTED_PROXIES,
    ).toEqual({ cidrs: ["10.0.0.0/8", "192.0.2.7", "fd00::/8"] });
  });

  it("names an entry that is neither an address nor a range", () => {
    expect(problems({ ...web, PORT443_TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" })).toEqual([
      'PORT443_TRUSTED_PROXIES: "proxy.internal" is neither a hop count nor an IP address or CIDR',
    ]);
    expect(problems({ ...web, PORT443_TRUSTED_PROXIES: "10.0.0.0/33" })).toHaveLength(1);
  });

  it("locks an account after 10 failures in 15 minutes for 15 minutes unless configured", () => {
    const env = parseEnv(webEnvSchema, web);
    expect([
      env.PORT443_LOCKOUT_FAILURES,
      env.PORT443_LOCKOUT_WINDOW_MINUTES,
      env.PORT443_LOCKOUT_MINUTES,
    ]).toEqual([10, 15, 15]);
    expect(parseEnv(webEnvSchema, { ...web, PORT443_LOCKOUT_FAILURES: "5" }).PORT443_LOCKOUT_FAILURES).toBe(
      5,
    );
  });
});

describe("secrets and mail in production", () => {
  it("starts with a random secret and SMTP", () => {
    expect(problems(production)).toEqual([]);
    expect(problems({ ...production, AUTH_SECRET: randomBytes(32).toString("hex") })).toEqual([]);
  });

  it("refuses docker-compose.yml's placeholder secret, saying where it comes from", () => {
    expect(problems({ ...production, AUTH_SECRET: "change-me-to-32-or-more-random-characters" })).toEqual([
      "AUTH_SECRET: AUTH_SECRET is the placeholder from docker-compose.yml; generate one with `openssl rand -base64 32`",
    ]);
  });

  it.each([
    ["one character", "x".repeat(40)],
    ["a short pattern repeated", "Password1!".repeat(4)],
    ["a run", "abcdefghijklmnopqrstuvwxyz0123456789"],
    ["hex digits in order", "0123456789abcdef".repeat(4)],
    ["two characters", "abbaabab".repeat(6)],
    ["digits only", "8437519260".repeat(4)],
  ])("refuses a secret of %s", (_label, secret) => {
    const [problem, ...more] = problems({ ...production, AUTH_SECRET: secret });
    expect(more).toEqual([]);
    expect(problem).toMatch(/^AUTH_SECRET: AUTH_SECRET is too easy to guess \(about \d+ bits, 128 needed/);
  });

  it("credits random secrets of 16 bytes or more with at least 128 bits", () => {
    for (let sample = 0; sample < 200; sample++) {
      expect(estimateSecretBits(randomBytes(32).toString("base64url"))).toBeGreaterThanOrEqual(
        MIN_SECRET_BITS,
      );
      expect(estimateSecretBits(randomBytes(24).toString("base64"))).toBeGreaterThanOrEqual(MIN_SECRET_BITS);
      expect(estimateSecretBits(randomBytes(32).toString("hex"))).toBeGreaterThanOrEqual(MIN_SECRET_BITS);
    }
    // 40 random decimal digits hold 132 bits; the same count of one digit holds none.
    const digits = Array.from(randomBytes(40), (byte) => String(byte % 10)).join("");
    expect(estimateSecretBits(digits)).toBeLessThanOrEqual(133);
  });

  it("refuses to leave sign-in links to the log: SMTP is required in production", () => {
    const { SMTP_URL: _unset, ...withoutSmtp } = production;
    expect(problems(withoutSmtp)).toEqual([
      "SMTP_URL: SMTP_URL is required in production: sign-in and reset links are never written to the log",
    ]);
  });

  it("allows both in development, where links are logged and any secret of 32 characters signs", () => {
    expect(problems({ ...web, AUTH_SECRET: "change-me-to-32-or-more-random-characters" })).toEqual([]);
    expect(problems({ ...web, NODE_ENV: "development", AUTH_SECRET: "x".repeat(32) })).toEqual([]);
  });

  it("checks a secret handed to `npm start`, which runs the web process in production", () => {
    expect(() => parseEnv(toolingEnvSchema, { AUTH_SECRET: "x".repeat(40) })).toThrow(
      /AUTH_SECRET: AUTH_SECRET is too easy to guess/,
    );
    expect(parseEnv(toolingEnvSchema, { AUTH_SECRET: web.AUTH_SECRET }).AUTH_SECRET).toBe(web.AUTH_SECRET);
  });
});
