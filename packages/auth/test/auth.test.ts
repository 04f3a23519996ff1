import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, startAuth } from "./support";

describe("sign-in and teams (better-auth on our tables)", () => {
  let env: Awaited<ReturnType<typeof startAuth>>;
  beforeAll(async () => {
    env = await startAuth("auth");
  });
  afterAll(() => env.stop());

  const call: typeof env.call = (...args) => env.call(...args);
  const lastEmail: typeof env.lastEmail = (to) => env.lastEmail(to);
  const signUpVerified: typeof env.signUpVerified = (...args) => env.signUpVerified(...args);

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
    const user = await env.prisma.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(user.emailVerified).toBe(true);
    expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const account = await env.prisma.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain("correct horse");

    const signIn = await call("/api/auth/sign-in/email", {
      body: { email: "ada@example.com", password: "correct horse battery" },
    });
    expect(signIn.status).toBe(200);
    const session = await call("/api/auth/get-session", { cookie: signIn.cookie });
    expect(session.body.user.email).toBe("ada@example.com");
    expect(await env.prisma.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("creates a team whose creator is its owner, invites by email, and the invitee joins with the role", async () => {
    const owner = await signUpVerified("grace@example.com", "Grace Hopper");
    const team = await call("/api/auth/organization/create", {
      cookie: owner,
      body: { name: "Acme", slug: "acme-auth" },
    });
    expect(team.status).toBe(200);
    const member = await env.prisma.member.findFirstOrThrow({
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
    const joined = await env.prisma.member.findFirstOrThrow({
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
    expect(await env.prisma.invitation.count({ where: { email: "eve@example.com" } })).toBe(0);

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
    expect(await env.prisma.member.count({ where: { teamId: team.body.id } })).toBe(1);
    expect(
      (await call("/api/auth/organization/delete", { cookie: owner, body: { organizationId: team.body.id } }))
        .status,
    ).toBe(200);
    expect(await env.prisma.team.count({ where: { id: team.body.id } })).toBe(0);
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
          forwardedFor: "198.51.100.9",
        })
      ).status,
    ).toBe(200);

    expect(
      (
        await call("/api/auth/sign-in/magic-link", {
          body: { email: "barbara@example.com" },
          forwardedFor: "198.51.100.9",
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
        forwardedFor: ip,
      });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt("192.0.2.44")).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect((await attempt("192.0.2.45")).status).toBe(401);
  });
});
