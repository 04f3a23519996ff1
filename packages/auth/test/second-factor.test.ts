import { totpCode } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashBackupCode } from "../src/backup-codes";
import { baseUrl, startAuth } from "./support";

const password = "correct horse battery";

describe("two-factor sign-in", () => {
  let env: Awaited<ReturnType<typeof startAuth>>;
  beforeAll(async () => {
    env = await startAuth("auth_two_factor", {
      lockout: { failures: 4, windowSeconds: 900, lockSeconds: 900 },
      lockoutSlowdownStepMs: 50,
    });
  });
  afterAll(() => env.stop());

  /** A confirmed account with an authenticator app; its otpauth URI and backup codes. */
  async function enrolled(email: string) {
    const session = await env.signUpVerified(email, email.split("@")[0]!);
    const enable = await env.call("/api/auth/two-factor/enable", { body: { password }, cookie: session });
    expect(enable.status).toBe(200);
    const { totpURI, backupCodes } = enable.body as { totpURI: string; backupCodes: string[] };
    const confirm = await env.call("/api/auth/two-factor/verify-totp", {
      body: { code: totpCode(totpURI) },
      cookie: session,
    });
    expect(confirm.status).toBe(200);
    // Confirming the app replaced the session.
    return { totpURI, backupCodes, session: confirm.cookie };
  }

  /** The password step from `forwardedFor`: the pending second step's cookie. */
  async function passwordStep(email: string, forwardedFor?: string) {
    const answer = await env.call("/api/auth/sign-in/email", { body: { email, password }, forwardedFor });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    return answer.cookie;
  }

  const signedInAs = async (cookie: string) =>
    (await env.call("/api/auth/get-session", { cookie })).body?.user?.email ?? null;

  it("asks for a code after the password once an app is confirmed, and keeps backup codes only as hashes", async () => {
    const { totpURI, backupCodes } = await enrolled("ada@example.com");
    const user = await env.prisma.user.findUniqueOrThrow({
      where: { email: "ada@example.com" },
      include: { twoFactor: true },
    });
    expect(user.twoFactorEnabled).toBe(true);
    expect(backupCodes).toHaveLength(10);
    const stored = user.twoFactor!.backupCodes;
    for (const code of backupCodes) expect(stored).not.toContain(code);
    expect(JSON.parse(stored)).toEqual(backupCodes.map(hashBackupCode));
    expect(user.twoFactor!.secret).not.toContain(new URL(totpURI).searchParams.get("secret"));

    // The password alone gives no session.
    const pending = await passwordStep("ada@example.com");
    expect(await signedInAs(pending)).toBeNull();
    const wrong = await env.call("/api/auth/two-factor/verify-totp", {
      body: { code: "000000" },
      cookie: pending,
    });
    expect(wrong.status).toBe(401);
    const right = await env.call("/api/auth/two-factor/verify-totp", {
      body: { code: totpCode(totpURI) },
      cookie: pending,
    });
    expect(right.status).toBe(200);
    expect(await signedInAs(right.cookie)).toBe("ada@example.com");
  });

  it("takes each backup code once", async () => {
    const { backupCodes } = await enrolled("grace@example.com");
    const first = await env.call("/api/auth/two-factor/verify-backup-code", {
      body: { code: backupCodes[0] },
      cookie: await passwordStep("grace@example.com"),
    });
    expect(first.status).toBe(200);
    expect(await signedInAs(first.cookie)).toBe("grace@example.com");
    const again = await env.call("/api/auth/two-factor/verify-backup-code", {
      body: { code: backupCodes[0] },
      cookie: await passwordStep("grace@example.com"),
    });
    expect(again.status).toBe(401);
    const stored = await env.prisma.twoFactor.findFirstOrThrow({
      where: { user: { email: "grace@example.com" } },
    });
    expect(JSON.parse(stored.backupCodes)).toHaveLength(9);
  });

  it("leads an emailed sign-in link to the second step instead of a session", async () => {
    const { totpURI } = await enrolled("linus@example.com");
    await env.call("/api/auth/sign-in/magic-link", {
      body: { email: "linus@example.com", callbackURL: "/domains" },
    });
    const link = await env.call(env.lastEmail("linus@example.com").url.replace(baseUrl, ""));
    expect(link.status).toBe(302);
    expect(new URL(link.location!, baseUrl).pathname + new URL(link.location!, baseUrl).search).toBe(
      "/two-factor?next=%2Fdomains",
    );
    expect(await signedInAs(link.cookie)).toBeNull();
    const code = await env.call("/api/auth/two-factor/verify-totp", {
      body: { code: totpCode(totpURI) },
      cookie: link.cookie,
    });
    expect(code.status).toBe(200);
    expect(await signedInAs(code.cookie)).toBe("linus@example.com");
  });

  it("refuses a sixth code a minute from one address, on each second-step endpoint", async () => {
    const { totpURI } = await enrolled("margaret@example.com");
    for (const path of [
      "/api/auth/two-factor/verify-totp",
      "/api/auth/two-factor/verify-backup-code",
      "/api/auth/passkey/verify-authentication",
    ]) {
      const statuses = [];
      // No pending step and no known passkey: refused as invalid, counted for the address only.
      for (let attempt = 1; attempt <= 6; attempt++)
        statuses.push(
          (
            await env.call(path, {
              body: path.includes("passkey") ? { response: { id: "unknown" } } : { code: "123456" },
              forwardedFor: "192.0.2.77",
            })
          ).status,
        );
      expect(statuses.slice(0, 5)).not.toContain(429);
      expect(statuses[5]).toBe(429);
    }
    // Another address still signs in.
    const elsewhere = await env.call("/api/auth/two-factor/verify-totp", {
      body: { code: totpCode(totpURI) },
      cookie: await passwordStep("margaret@example.com", "192.0.2.78"),
      forwardedFor: "192.0.2.78",
    });
    expect(elsewhere.status).toBe(200);
  });

  it("locks the second step of an account after the limit of wrong codes from many addresses, and emails a reset link", async () => {
    const { totpURI } = await enrolled("barbara@example.com");
    const statuses = [];
    // Each wrong code from a new address, each after a password step of its own.
    for (let attempt = 1; attempt <= 4; attempt++) {
      const forwardedFor = `198.51.100.${attempt}`;
      const pending = await passwordStep("barbara@example.com", forwardedFor);
      statuses.push(
        (
          await env.call("/api/auth/two-factor/verify-totp", {
            body: { code: "123456" },
            cookie: pending,
            forwardedFor,
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    const notice = env.outbox.filter(
      (entry) => entry.to === "barbara@example.com" && entry.email.kind === "second_factor_locked",
    );
    expect(notice).toHaveLength(1);

    // Locked: the right code, after the right password, from a new address, is not checked.
    const locked = await env.call("/api/auth/two-factor/verify-totp", {
      body: { code: totpCode(totpURI) },
      cookie: await passwordStep("barbara@example.com", "198.51.100.50"),
      forwardedFor: "198.51.100.50",
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe("ACCOUNT_LOCKED");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(890);

    // The emailed reset lifts it.
    const link = await env.call(notice[0]!.email.url.replace(baseUrl, ""));
    const token = new URL(link.location!, baseUrl).searchParams.get("token");
    expect(
      (await env.call("/api/auth/reset-password", { body: { token, newPassword: password } })).status,
    ).toBe(200);
    const after = await env.call("/api/auth/two-factor/verify-totp", {
      body: { code: totpCode(totpURI) },
      cookie: await passwordStep("barbara@example.com", "198.51.100.51"),
      forwardedFor: "198.51.100.51",
    });
    expect(after.status).toBe(200);
  });

  it("keeps wrong passwords and wrong codes apart: a right password does not start the code count over", async () => {
    const { totpURI } = await enrolled("edsger@example.com");
    // Three wrong codes, each after a right password: one short of the limit.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const forwardedFor = `198.51.100.${100 + attempt}`;
      const pending = await passwordStep("edsger@example.com", forwardedFor);
      const answer = await env.call("/api/auth/two-factor/verify-totp", {
        body: { code: "654321" },
        cookie: pending,
        forwardedFor,
      });
      expect(answer.status).toBe(401);
    }
    const fourth = await env.call("/api/auth/two-factor/verify-backup-code", {
      body: { code: "AAAAA-BBBBB" },
      cookie: await passwordStep("edsger@example.com", "198.51.100.110"),
      forwardedFor: "198.51.100.110",
    });
    expect(fourth.status).toBe(401);
    expect(
      (
        await env.call("/api/auth/two-factor/verify-totp", {
          body: { code: totpCode(totpURI) },
          cookie: await passwordStep("edsger@example.com", "198.51.100.111"),
          forwardedFor: "198.51.100.111",
        })
      ).body.code,
    ).toBe("ACCOUNT_LOCKED");
  });

  it("asks for the password to turn the app off", async () => {
    const { session } = await enrolled("alan@example.com");
    const without = await env.call("/api/auth/two-factor/disable", { body: {}, cookie: session });
    expect(without.status).toBe(400);
    const wrong = await env.call("/api/auth/two-factor/disable", {
      body: { password: "not the password" },
      cookie: session,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe("INVALID_PASSWORD");
    expect(
      (await env.prisma.user.findUniqueOrThrow({ where: { email: "alan@example.com" } })).twoFactorEnabled,
    ).toBe(true);
    const right = await env.call("/api/auth/two-factor/disable", { body: { password }, cookie: session });
    expect(right.status).toBe(200);
    expect(
      (await env.prisma.user.findUniqueOrThrow({ where: { email: "alan@example.com" } })).twoFactorEnabled,
    ).toBe(false);
    const signIn = await env.call("/api/auth/sign-in/email", {
      body: { email: "alan@example.com", password },
    });
    expect(signIn.body.twoFactorRedirect).toBeUndefined();
    expect(await signedInAs(signIn.cookie)).toBe("alan@example.com");
  });

  it("ends the account's other sessions when it gets its first second factor", async () => {
    const laptop = await env.signUpVerified("hedy@example.com", "Hedy");
    const phone = (
      await env.call("/api/auth/sign-in/email", { body: { email: "hedy@example.com", password } })
    ).cookie;
    expect(await signedInAs(phone)).toBe("hedy@example.com");
    const enable = await env.call("/api/auth/two-factor/enable", { body: { password }, cookie: laptop });
    const confirm = await env.call("/api/auth/two-factor/verify-totp", {
      body: { code: totpCode(enable.body.totpURI) },
      cookie: laptop,
    });
    expect(confirm.status).toBe(200);
    expect(await signedInAs(confirm.cookie)).toBe("hedy@example.com");
    expect(await signedInAs(phone)).toBeNull();
  });

  it("asks for the password to remove a passkey, and the last one takes the second step away", async () => {
    const session = await env.signUpVerified("radia@example.com", "Radia");
    const user = await env.prisma.user.update({
      where: { email: "radia@example.com" },
      data: { twoFactorEnabled: true },
    });
    const key = await env.prisma.passkey.create({
      data: {
        userId: user.id,
        credentialID: "credential-of-radia",
        publicKey: "not used here",
        counter: 0,
        deviceType: "multiDevice",
        backedUp: true,
      },
    });
    // Having a passkey, a password sign-in needs a second step; no app, so only a passkey finishes it.
    const signIn = await env.call("/api/auth/sign-in/email", {
      body: { email: "radia@example.com", password },
    });
    expect(signIn.body).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: [] });

    const without = await env.call("/api/auth/passkey/delete-passkey", {
      body: { id: key.id },
      cookie: session,
    });
    expect(without.status).toBe(400);
    expect(without.body.code).toBe("INVALID_PASSWORD");
    expect(await env.prisma.passkey.count({ where: { userId: user.id } })).toBe(1);
    const removed = await env.call("/api/auth/passkey/delete-passkey", {
      body: { id: key.id, password },
      cookie: session,
    });
    expect(removed.status).toBe(200);
    expect((await env.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabled).toBe(
      false,
    );
  });
});
