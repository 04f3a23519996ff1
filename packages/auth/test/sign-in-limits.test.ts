import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "../src/client-address";
import { baseUrl, startAuth } from "./support";

describe("the client's address in an X-Forwarded-For chain ending at the socket's peer", () => {
  it("is the peer itself when no proxy is trusted, whatever the client wrote before it", () => {
    expect(clientAddress("192.0.2.44", { hops: 0 })).toBe("192.0.2.44");
    expect(clientAddress("198.51.100.1, 192.0.2.44", { hops: 0 })).toBe("192.0.2.44");
    expect(clientAddress("::ffff:192.0.2.44", { hops: 0 })).toBe("192.0.2.44");
    expect(clientAddress(null, { hops: 0 })).toBeNull();
  });

  it("is the entry the last of a given number of proxies saw", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.2", { hops: 1 })).toBe("198.51.100.7");
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.3, 10.0.0.2", { hops: 2 })).toBe("198.51.100.7");
    // Fewer entries than proxies: the left-most there is.
    expect(clientAddress("10.0.0.2", { hops: 1 })).toBe("10.0.0.2");
  });

  it("is the right-most entry outside the trusted ranges", () => {
    const trusted = { cidrs: ["10.0.0.0/8", "2001:db8:ffff::/48", "192.0.2.1"] };
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.1.2.3, 10.0.0.2", trusted)).toBe("198.51.100.7");
    expect(clientAddress("2001:db8:1::5, [2001:db8:ffff::1]:443", trusted)).toBe("2001:db8:1::5");
    expect(clientAddress("198.51.100.7:4711, 192.0.2.1", trusted)).toBe("198.51.100.7");
    // A peer outside the ranges is the client, whatever it forwarded.
    expect(clientAddress("6.6.6.6, 192.0.2.44", trusted)).toBe("192.0.2.44");
    // An unreadable entry: the proxy that sent it is the last one that can be told apart.
    expect(clientAddress("<script>, 10.0.0.2", trusted)).toBe("10.0.0.2");
  });
});

describe("sign-in limits", () => {
  let env: Awaited<ReturnType<typeof startAuth>>;
  beforeAll(async () => {
    env = await startAuth("auth_limits", { lockoutSlowdownStepMs: 100 });
  });
  afterAll(() => env.stop());

  /** One wrong password for `email`, with X-Forwarded-For as the web server hands it over. */
  const wrongPassword = (email: string, forwardedFor: string, handler = env.auth) =>
    env.call("/api/auth/sign-in/email", {
      body: { email, password: "not the password" },
      forwardedFor,
      handler,
    });

  it("ignores a forged X-Forwarded-For when no proxy is trusted: six attempts, the sixth refused", async () => {
    const statuses = [];
    for (let attempt = 1; attempt <= 6; attempt++)
      statuses.push(
        (await wrongPassword(`forger${attempt}@example.com`, `198.51.100.${attempt}, 192.0.2.10`)).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("behind trusted proxies, gives every client its own count, by range or by hop count", async () => {
    for (const proxies of [{ cidrs: ["10.0.0.0/8"] }, { hops: 1 }]) {
      const handler = env.withOptions({ trustedProxies: proxies });
      const base = "cidrs" in proxies ? 20 : 40;
      // Six clients through one proxy: one attempt each.
      const clients = [];
      for (let client = 1; client <= 6; client++)
        clients.push(
          (
            await wrongPassword(
              `client${base + client}@example.com`,
              `198.51.100.${base + client}, 10.0.0.2`,
              handler,
            )
          ).status,
        );
      expect(clients).toEqual([401, 401, 401, 401, 401, 401]);
      // One client forging a new left-most entry each time still has one count.
      const forger = [];
      for (let attempt = 1; attempt <= 6; attempt++)
        forger.push(
          (
            await wrongPassword(
              `client${base + 10 + attempt}@example.com`,
              `6.6.6.${attempt}, 198.51.100.${base + 10}, 10.0.0.2`,
              handler,
            )
          ).status,
        );
      expect(forger).toEqual([401, 401, 401, 401, 401, 429]);
    }
  });

  it("slows down, then locks an account that ten addresses tried, and emails its owner a reset link", async () => {
    await env.signUpVerified("target@example.com", "Target");
    const attempts = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      const started = Date.now();
      const { status } = await wrongPassword("Target@example.com", `198.51.100.${100 + attempt}`);
      attempts.push({ status, ms: Date.now() - started });
    }
    expect(attempts.map((attempt) => attempt.status)).toEqual(Array(10).fill(401));
    // Past half the limit, each attempt waits one step (100 ms here) more than the one before.
    for (let attempt = 6; attempt <= 10; attempt++)
      expect(attempts[attempt - 1]!.ms).toBeGreaterThanOrEqual((attempt - 5) * 100);

    // Locked: even the right password from a new address is refused, without being checked.
    const locked = await env.call("/api/auth/sign-in/email", {
      body: { email: "target@example.com", password: "correct horse battery" },
      forwardedFor: "198.51.100.200",
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe("ACCOUNT_LOCKED");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(890);

    const notice = env.outbox.filter(
      (entry) => entry.to === "target@example.com" && entry.email.kind === "account_locked",
    );
    expect(notice).toHaveLength(1);
    expect(notice[0]!.email).toMatchObject({ kind: "account_locked", minutes: 15 });

    // The link is a password reset link; resetting lifts the lock.
    const link = await env.call(notice[0]!.email.url.replace(baseUrl, ""));
    expect(link.status).toBe(302);
    const target = new URL(link.location!, baseUrl);
    expect(target.pathname).toBe("/reset-password");
    const reset = await env.call("/api/auth/reset-password", {
      body: { token: target.searchParams.get("token"), newPassword: "a fresh passphrase" },
    });
    expect(reset.status).toBe(200);
    const signIn = await env.call("/api/auth/sign-in/email", {
      body: { email: "target@example.com", password: "a fresh passphrase" },
    });
    expect(signIn.status).toBe(200);
  });

  it("lets no more than the limit have their password checked when they arrive all at once", async () => {
    await env.signUpVerified("burst@example.com", "Burst");
    const statuses = await Promise.all(
      Array.from({ length: 16 }, (_, attempt) =>
        wrongPassword("burst@example.com", `198.51.100.${150 + attempt}`),
      ),
    ).then((answers) => answers.map((answer) => answer.status));
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    expect(
      env.outbox.filter((entry) => entry.to === "burst@example.com" && entry.email.kind === "account_locked"),
    ).toHaveLength(1);
  });

  it("counts every account apart and starts over after the right password", async () => {
    await env.signUpVerified("steady@example.com", "Steady");
    for (let attempt = 1; attempt <= 9; attempt++)
      expect((await wrongPassword("steady@example.com", `198.51.100.${170 + attempt}`)).status).toBe(401);
    const right = await env.call("/api/auth/sign-in/email", {
      body: { email: "steady@example.com", password: "correct horse battery" },
    });
    expect(right.status).toBe(200);
    for (let attempt = 1; attempt <= 9; attempt++)
      expect((await wrongPassword("steady@example.com", `198.51.100.${180 + attempt}`)).status).toBe(401);
    expect(
      env.outbox.some((entry) => entry.to === "steady@example.com" && entry.email.kind === "account_locked"),
    ).toBe(false);
  });
});

describe("sessions after a password change", () => {
  let env: Awaited<ReturnType<typeof startAuth>>;
  beforeAll(async () => {
    env = await startAuth("auth_sessions");
  });
  afterAll(() => env.stop());

  const signIn = async (email: string, password: string) => {
    const answer = await env.call("/api/auth/sign-in/email", { body: { email, password } });
    expect(answer.status).toBe(200);
    return answer.cookie;
  };
  const signedIn = async (cookie: string) =>
    (await env.call("/api/auth/get-session", { cookie })).body?.user?.email ?? null;

  it("signs out every session when the password is reset", async () => {
    const laptop = await env.signUpVerified("reset@example.com", "Reset");
    const phone = await signIn("reset@example.com", "correct horse battery");
    expect([await signedIn(laptop), await signedIn(phone)]).toEqual([
      "reset@example.com",
      "reset@example.com",
    ]);

    await env.call("/api/auth/request-password-reset", {
      body: { email: "reset@example.com", redirectTo: "/reset-password" },
    });
    const link = await env.call(env.lastEmail("reset@example.com").url.replace(baseUrl, ""));
    const token = new URL(link.location!, baseUrl).searchParams.get("token");
    const reset = await env.call("/api/auth/reset-password", {
      body: { token, newPassword: "a brand new passphrase" },
    });
    expect(reset.status).toBe(200);

    expect([await signedIn(laptop), await signedIn(phone)]).toEqual([null, null]);
    expect(await signedIn(await signIn("reset@example.com", "a brand new passphrase"))).toBe(
      "reset@example.com",
    );
  });

  it("signs out every other session when the password is changed, even if the client asks to keep them", async () => {
    const laptop = await env.signUpVerified("change@example.com", "Change");
    const phone = await signIn("change@example.com", "correct horse battery");
    const changed = await env.call("/api/auth/change-password", {
      cookie: laptop,
      body: {
        currentPassword: "correct horse battery",
        newPassword: "another passphrase",
        revokeOtherSessions: false,
      },
    });
    expect(changed.status).toBe(200);
    expect(await signedIn(phone)).toBeNull();
    // The one who changed it stays signed in, on the session the answer set.
    expect(changed.cookie).toMatch(/port443\.session_token=/);
    expect(await signedIn(changed.cookie)).toBe("change@example.com");
  });
});
