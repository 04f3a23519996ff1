import { createPrismaClient, type PrismaClient } from "@port443/db";
import type { AccountEmail } from "@port443/email";
import { createTestDatabase, type TestDatabase, testRedisUrl, uniquePrefix } from "@port443/testing";
import { Redis } from "ioredis";
import { type Auth, type AuthOptions, createAuth } from "../src";

export const baseUrl = "http://localhost:3000";

export interface Exchange {
  status: number;
  cookie: string;
  /** The JSON body as parsed, null when empty. */
  body: ReturnType<typeof JSON.parse>;
  location: string | null;
  headers: Headers;
}

/**
 * Sign-in on a database and Redis key prefix of its own, with the emails it sends kept in
 * `outbox`. `call` makes one HTTP exchange with the handler; `forwardedFor` is X-Forwarded-For
 * as the web server hands it over, the socket's peer appended last.
 */
export async function startAuth(label: string, overrides: Partial<AuthOptions> = {}) {
  const db: TestDatabase = await createTestDatabase(label);
  const prisma: PrismaClient = createPrismaClient(db.url);
  const redis = new Redis(testRedisUrl());
  const outbox: { to: string; email: AccountEmail }[] = [];
  const options: Omit<AuthOptions, "prisma" | "redis"> = {
    secret: "test-secret-with-at-least-32-characters!!",
    baseUrl,
    sendEmail: async (to, email) => {
      outbox.push({ to, email });
    },
    trustedProxies: { hops: 0 },
    redisPrefix: uniquePrefix(label),
    lockout: { failures: 10, windowSeconds: 900, lockSeconds: 900 },
    ...overrides,
  };
  const auth: Auth = createAuth({ ...options, prisma, redis });
  /** Another handler on the same database, e.g. behind other proxies. */
  const withOptions = (more: Partial<AuthOptions>) => createAuth({ ...options, prisma, redis, ...more });

  let clients = 0;
  async function call(
    path: string,
    init: { body?: unknown; cookie?: string; forwardedFor?: string; method?: string; handler?: Auth } = {},
  ): Promise<Exchange> {
    const response = await (init.handler ?? auth).handler(
      new Request(new URL(path, baseUrl), {
        method: init.method ?? (init.body ? "POST" : "GET"),
        headers: {
          "content-type": "application/json",
          origin: baseUrl,
          // Each exchange from its own address unless a test says otherwise: the limiter counts per address.
          "x-forwarded-for": init.forwardedFor ?? `203.0.113.${++clients % 250}`,
          ...(init.cookie ? { cookie: init.cookie } : {}),
        },
        body: init.body ? JSON.stringify(init.body) : undefined,
        redirect: "manual",
      }),
    );
    const cookie = response.headers
      .getSetCookie()
      .map((entry) => entry.split(";")[0])
      .join("; ");
    const text = await response.text();
    return {
      status: response.status,
      cookie,
      body: text ? JSON.parse(text) : null,
      location: response.headers.get("location"),
      headers: response.headers,
    };
  }

  const lastEmail = (to: string) => outbox.filter((entry) => entry.to === to).at(-1)!.email;

  /** A new account whose emailed confirmation link was followed; its session cookie. */
  async function signUpVerified(email: string, name: string, password = "correct horse battery") {
    const signUp = await call("/api/auth/sign-up/email", { body: { email, password, name } });
    if (signUp.status !== 200) throw new Error(`sign-up of ${email} answered ${signUp.status}`);
    const verify = await call(lastEmail(email).url.replace(baseUrl, ""));
    if (verify.status !== 302) throw new Error(`confirming ${email} answered ${verify.status}`);
    return verify.cookie;
  }

  return {
    auth,
    prisma,
    redis,
    outbox,
    call,
    lastEmail,
    signUpVerified,
    withOptions,
    async stop() {
      redis.disconnect();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
