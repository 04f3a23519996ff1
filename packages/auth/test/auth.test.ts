import { createPrismaClient, type PrismaClient } from "@port443/db";
import type { AccountEmail } from "@port443/email";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, createAuth } from "../src";

const baseUrl = "http://localhost:3000";

describe("sign-in and teams (better-auth on our tables)", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let auth: Auth;
  const outbox: { to: string; email: AccountEmail }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("auth");
    prisma = createPrismaClient(db.url);
    auth = createAuth({
      prisma,
      secret: "test-secret-with-at-least-32-characters!!",
      baseUrl,
      sendEmail: async (to, email) => {
        outbox.push({ to, email });
      },
    });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  let clients = 0;
  /** One HTTP exchange with the auth handler, from one client address, with its cookies. */
  async function call(
    path: string,
    init: { body?: unknown; cookie?: string; ip?: string; method?: string } = {},
  ) {
    const response = await auth.handler(
      new Request(new URL(path, baseUrl), {
        method: init.method ?? (init.body ? "POST" : "GET"),
        headers: {
          "content-type": "application/json",
          origin: baseUrl,
          // Each exchange from its own address unless a test says otherwise: the limiter counts per address.
          "x-forwarded-for": init.ip ?? `203.0.113.${++clients % 250}`,
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
    };
  }
  const lastEmail = (to: string) => outbox.filter((entry) => entry.to === to).at(-1)!.email;

  async function signUpVerified(email: string, name: string) {
    expect(
      (await call("/api/auth/sign-up/email", { body: { email, password: "correct horse battery", name } }))
        .status,
    ).toBe(200);
    const verify = await call(lastEmail(email).url.replace(baseUrl, ""));
    expect(verify.status).toBe(302);
    return verify.cookie;
  }

  it("signs up, refuses sign-in until the emailed link is followed, then signs in", async () => {
    const signUp = await call("/api/auth/sign-up/email", {
      body: { email: "ada@example.com", password: "correct horse battery", name: "Ada" },
    });
    expect(signUp.status).toBe(200);
    expect(lastEmail("ada@example.com")).toMatchObject({ kind: "verify_email" });
    const early = await call("/api/auth/sign-in/email", {
      body: { email: "ada@example.com", password: "correct horse battery" },
    });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe("EMAIL_NOT_VERIFIED");

    const verified = await call(lastEmail("ada@example.com").url.replace(baseUrl, ""));
    expect(verified.status).toBe(302);
    expect(verified.cookie).toMatch(/port443\.session_token=/);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(user.emailVerified).toBe(true);
    expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const account = await prisma.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain("correct horse");

    const signIn = await call("/api/auth/sign-in/email", {
      body: { email: "ada@example.com", password: "correct horse battery" },
    });
    expect(signIn.status).toBe(200);
    const session = await call("/api/auth/get-session", { cookie: signIn.cookie });
    expect(session.body.user.email).toBe("ada@example.com");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("creates a team whose creator is its owner, invites by email, and the invitee joins with the role", async () => {
    const owner = await signUpVerified("grace@example.com", "Grace Hopper");
    const team = await call("/api/auth/organization/create", {
      cookie: owner,
      body: { name: "Acme", slug: "acme-auth" },
    });
    expect(team.status).toBe(200);
    const member = await prisma.member.findFirstOrThrow({
      where: { teamId: team.body.id },
      include: { user: true },
    });
    expect([member.user.email, member.role]).toEqual(["grace@example.com", "owner"]);

    const invite = await call("/api/auth/organization/invite-member", {
      cookie: owner,
      body: { email: "linus@example.com", role: "viewer", organizationId: team.body.id },
    });
    expect(invite.status).toBe(200);
    const email = lastEmail("linus@example.com");
    expect(email).toMatchObject({
      kind: "invitation",
      team: "Acme",
      inviter: "Grace Hopper",
      role: "viewer",
    });
    expect(email.url).toBe(`${baseUrl}/invitations/${invite.body.id}`);

    const invitee = await signUpVerified("linus@example.com", "Linus");
    const accepted = await call("/api/auth/organization/accept-invitation", {
      cookie: invitee,
      body: { invitationId: invite.body.id },
    });
    expect(accepted.status).toBe(200);
    const joined = await prisma.member.findFirstOrThrow({
      where: { teamId: team.body.id, user: { email: "linus@example.com" } },
    });
    expect(joined.role).toBe("viewer");

    // A viewer cannot invite; an unknown role is refused before anything is written.
    const byViewer = await call("/api/auth/organization/invite-member", {
      cookie: invitee,
      body: { email: "eve@example.com", role: "member", organizationId: team.body.id },
    });
    expect(byViewer.status).toBe(403);
    const badRole = await call("/api/auth/organization/invite-member", {
      cookie: owner,
      body: { email: "eve@example.com", role: "superuser", organizationId: team.body.id },
    });
    expect(badRole.status).toBe(400);
    expect(await prisma.invitation.count({ where: { email: "eve@example.com" } })).toBe(0);

    // Only the owner deletes the team; anyone may leave it.
    const byViewerDelete = await call("/api/auth/organization/delete", {
      cookie: invitee,
      body: { organizationId: team.body.id },
    });
    expect(byViewerDelete.status).toBe(403);
    expect(
      (
        await call("/api/auth/organization/leave", {
          cookie: invitee,
          body: { organizationId: team.body.id },
        })
      ).status,
    ).toBe(200);
    expect(await prisma.member.count({ where: { teamId: team.body.id } })).toBe(1);
    expect(
      (await call("/api/auth/organization/delete", { cookie: owner, body: { organizationId: team.body.id } }))
        .status,
    ).toBe(200);
    expect(await prisma.team.count({ where: { id: team.body.id } })).toBe(0);
  });

  it("resets a password through the emailed link and signs in by magic link", async () => {
    await signUpVerified("barbara@example.com", "Barbara");
    expect(
      (
        await call("/api/auth/request-password-reset", {
          body: { email: "barbara@example.com", redirectTo: "/reset-password" },
        })
      ).status,
    ).toBe(200);
    const reset = lastEmail("barbara@example.com");
    expect(reset.kind).toBe("reset_password");
    const link = await call(reset.url.replace(baseUrl, ""));
    const token = new URL(link.location!, baseUrl).searchParams.get("token");
    expect(token).toBeTruthy();
    expect(
      (await call("/api/auth/reset-password", { body: { token, newPassword: "a brand new passphrase" } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call("/api/auth/sign-in/email", {
          body: { email: "barbara@example.com", password: "a brand new passphrase" },
          ip: "198.51.100.9",
        })
      ).status,
    ).toBe(200);

    expect(
      (
        await call("/api/auth/sign-in/magic-link", {
          body: { email: "barbara@example.com" },
          ip: "198.51.100.9",
        })
      ).status,
    ).toBe(200);
    const magic = lastEmail("barbara@example.com");
    expect(magic.kind).toBe("magic_link");
    const signedIn = await call(magic.url.replace(baseUrl, ""));
    expect(signedIn.cookie).toMatch(/port443\.session_token=/);
  });

  it("limits sign-in attempts per client address", async () => {
    const attempt = (ip: string) =>
      call("/api/auth/sign-in/email", {
        body: { email: "nobody@example.com", password: "wrong password!" },
        ip,
      });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt("192.0.2.44")).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect((await attempt("192.0.2.45")).status).toBe(401);
  });
});
