import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuth } from "./support";

describe("member changes in the audit log", () => {
  let env: Awaited<ReturnType<typeof startAuth>>;
  let owner: string;
  let teamId: string;
  beforeAll(async () => {
    env = await startAuth("auth_audit");
    owner = await env.signUpVerified("grace@example.com", "Grace Hopper");
    teamId = (
      await env.call("/api/auth/organization/create", { cookie: owner, body: { name: "Acme", slug: "acme" } })
    ).body.id;
  });
  afterAll(() => env?.stop());

  const events = (action: string) =>
    env.prisma.auditEvent.findMany({ where: { teamId, action }, orderBy: { createdAt: "desc" } });
  const latest = async (action: string) => (await events(action))[0];

  /** Invites `email` with `role`; the invitee signs up and joins. Returns their cookie and member id. */
  async function join(email: string, role: string) {
    const invite = await env.call("/api/auth/organization/invite-member", {
      cookie: owner,
      body: { email, role, organizationId: teamId },
      forwardedFor: "198.51.100.9",
    });
    expect(invite.status).toBe(200);
    const cookie = await env.signUpVerified(email, email);
    const accepted = await env.call("/api/auth/organization/accept-invitation", {
      cookie,
      body: { invitationId: invite.body.id },
    });
    expect(accepted.status).toBe(200);
    return { cookie, memberId: accepted.body.member.id as string, invitationId: invite.body.id as string };
  }

  it("records invitations and joins, by whom and from where", async () => {
    const linus = await join("linus@example.com", "viewer");
    expect(await latest("member.invited")).toMatchObject({
      actorType: "user",
      actorName: "grace@example.com",
      targetType: "invitation",
      targetId: linus.invitationId,
      targetLabel: "linus@example.com",
      before: null,
      after: { email: "linus@example.com", role: "viewer" },
      clientAddress: "198.51.100.9",
    });
    expect(await latest("member.joined")).toMatchObject({
      actorName: "linus@example.com",
      targetType: "member",
      targetId: linus.memberId,
      targetLabel: "linus@example.com",
      after: { role: "viewer" },
    });
  });

  it("records role changes, removals, departures and canceled invitations, not refused attempts", async () => {
    const ada = await join("ada@example.com", "member");
    const refused = await env.call("/api/auth/organization/update-member-role", {
      cookie: ada.cookie,
      body: { memberId: ada.memberId, role: "owner", organizationId: teamId },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await events("member.role_changed")).toHaveLength(0);

    const promoted = await env.call("/api/auth/organization/update-member-role", {
      cookie: owner,
      body: { memberId: ada.memberId, role: "admin", organizationId: teamId },
    });
    expect(promoted.status).toBe(200);
    expect(await latest("member.role_changed")).toMatchObject({
      actorName: "grace@example.com",
      targetId: ada.memberId,
      targetLabel: "ada@example.com",
      before: { role: "member" },
      after: { role: "admin" },
    });

    const removed = await env.call("/api/auth/organization/remove-member", {
      cookie: owner,
      body: { memberIdOrEmail: ada.memberId, organizationId: teamId },
    });
    expect(removed.status).toBe(200);
    expect(await latest("member.removed")).toMatchObject({
      actorName: "grace@example.com",
      targetLabel: "ada@example.com",
      before: { role: "admin" },
      after: null,
    });

    const bob = await join("bob@example.com", "member");
    const left = await env.call("/api/auth/organization/leave", {
      cookie: bob.cookie,
      body: { organizationId: teamId },
    });
    expect(left.status).toBe(200);
    expect(await latest("member.left")).toMatchObject({
      actorName: "bob@example.com",
      targetId: bob.memberId,
      targetLabel: "bob@example.com",
      before: { role: "member" },
    });

    const invite = await env.call("/api/auth/organization/invite-member", {
      cookie: owner,
      body: { email: "eve@example.com", role: "member", organizationId: teamId },
    });
    await env.call("/api/auth/organization/cancel-invitation", {
      cookie: owner,
      body: { invitationId: invite.body.id },
    });
    expect(await latest("member.invitation_canceled")).toMatchObject({
      targetId: invite.body.id,
      targetLabel: "eve@example.com",
      before: { status: "pending" },
      after: { status: "canceled" },
    });
  });

  it("records the team renamed", async () => {
    const renamed = await env.call("/api/auth/organization/update", {
      cookie: owner,
      body: { organizationId: teamId, data: { name: "Acme Corp" } },
    });
    expect(renamed.status).toBe(200);
    expect(await latest("team.updated")).toMatchObject({
      actorName: "grace@example.com",
      targetLabel: "Acme Corp",
      before: { name: "Acme" },
      after: { name: "Acme Corp" },
    });
  });

  it("undoes a member change whose event cannot be written: both are in one transaction", async () => {
    const carl = await join("carl@example.com", "viewer");
    await env.prisma.$executeRawUnsafe(
      "ALTER TABLE audit_events ADD CONSTRAINT refuse_for_test CHECK (action <> 'member.role_changed') NOT VALID",
    );
    try {
      const failed = await env.call("/api/auth/organization/update-member-role", {
        cookie: owner,
        body: { memberId: carl.memberId, role: "admin", organizationId: teamId },
      });
      expect(failed.status).toBe(500);
    } finally {
      await env.prisma.$executeRawUnsafe("ALTER TABLE audit_events DROP CONSTRAINT refuse_for_test");
    }
    expect((await env.prisma.member.findUniqueOrThrow({ where: { id: carl.memberId } })).role).toBe("viewer");
    expect(await events("member.role_changed")).toHaveLength(1);
  });
});
