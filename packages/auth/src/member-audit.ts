import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "@port443/db";
import { type AuditEntry, recordAudit } from "@port443/services";

/** The organization endpoints that change who is in a team (or its name), each run in one transaction. */
const memberPaths = new Set(
  [
    "update",
    "invite-member",
    "cancel-invitation",
    "reject-invitation",
    "accept-invitation",
    "update-member-role",
    "remove-member",
    "leave",
  ].map((name) => `/api/auth/organization/${name}`),
);

/** A member change in progress: its transaction, and who makes it from where. */
interface Change {
  tx: Prisma.TransactionClient;
  userId?: string;
  clientAddress?: string;
  /** The team's name and slug before a rename. */
  team?: { name: string; slug: string };
}

type Organization = { id: string };
type Member = { id: string; role: string };
type Invitation = { id: string; email: string; role: string | null };

/** Thrown to undo a change better-auth answered with a server error (its audit event failed, say). */
const undo = Symbol("undo");

/**
 * The audit log for what better-auth's organization plugin changes: invitations, joins, roles,
 * removals, departures and the team's name. Its endpoints write through the adapter one statement at a time, with
 * no transaction of their own, so for those requests `run` opens one and `client` (the client
 * the adapter is given) sends every query made within it there; the plugin's after-hooks
 * (`hooks`) then write the event in that same transaction, and the change and its event commit
 * together or not at all. Called any other way (`auth.api` on the server), a hook refuses.
 */
export function memberAudit(prisma: PrismaClient) {
  const current = new AsyncLocalStorage<Change>();

  const client = new Proxy(prisma, {
    get(target, key) {
      const tx = current.getStore()?.tx;
      // better-auth's own transactions (runWithTransaction) join the request's.
      if (tx && key === "$transaction")
        return (work: unknown) =>
          typeof work === "function" ? work(tx) : Promise.all(work as Promise<unknown>[]);
      const source = tx ?? target;
      const value = Reflect.get(source, key);
      return typeof value === "function" ? value.bind(source) : value;
    },
  });

  async function record(organization: Organization, entry: AuditEntry) {
    const change = current.getStore();
    if (!change) throw new Error("member changes are recorded only through the auth handler");
    await recordAudit(change.tx, { teamId: organization.id, ...change }, entry);
  }
  const member = (entry: Member, email: string) => ({ type: "member", id: entry.id, label: email });
  const invitation = (entry: Invitation) => ({ type: "invitation", id: entry.id, label: entry.email });

  const hooks = {
    beforeUpdateOrganization: async ({ member: acting }: { member: { organizationId: string } }) => {
      const change = current.getStore();
      if (change)
        change.team = await change.tx.team.findUniqueOrThrow({
          where: { id: acting.organizationId },
          select: { name: true, slug: true },
        });
    },
    afterUpdateOrganization: async ({ organization }: { organization: Organization | null }) => {
      if (!organization) return;
      const { name, slug } = organization as Organization & { name: string; slug: string };
      await record(organization, {
        action: "team.updated",
        target: { type: "team", id: organization.id, label: name },
        before: current.getStore()?.team,
        after: { name, slug },
      });
    },
    afterCreateInvitation: ({
      invitation: sent,
      organization,
    }: {
      invitation: Invitation;
      organization: Organization;
    }) =>
      record(organization, {
        action: "member.invited",
        target: invitation(sent),
        after: { email: sent.email, role: sent.role },
      }),
    afterCancelInvitation: (data: { invitation: Invitation; organization: Organization }) =>
      record(data.organization, {
        action: "member.invitation_canceled",
        target: invitation(data.invitation),
        before: { status: "pending" },
        after: { status: "canceled" },
      }),
    afterRejectInvitation: (data: { invitation: Invitation; organization: Organization }) =>
      record(data.organization, {
        action: "member.invitation_rejected",
        target: invitation(data.invitation),
        before: { status: "pending" },
        after: { status: "rejected" },
      }),
    afterAcceptInvitation: (data: { member: Member; user: { email: string }; organization: Organization }) =>
      record(data.organization, {
        action: "member.joined",
        target: member(data.member, data.user.email),
        after: { role: data.member.role },
      }),
    afterUpdateMemberRole: (data: {
      member: Member;
      previousRole: string;
      user: { email: string };
      organization: Organization;
    }) =>
      record(data.organization, {
        action: "member.role_changed",
        target: member(data.member, data.user.email),
        before: { role: data.previousRole },
        after: { role: data.member.role },
      }),
    afterRemoveMember: (data: { member: Member; user: { email: string }; organization: Organization }) =>
      record(data.organization, {
        action: "member.removed",
        target: member(data.member, data.user.email),
        before: { role: data.member.role },
      }),
  };

  /**
   * Runs a request to better-auth: one that changes members in a transaction with its audit
   * events (leaving, which has no hook, recorded from the answer), anything else as it is.
   */
  async function run(
    request: Request,
    whoIs: (headers: Headers) => Promise<{ user: { id: string; email: string } } | null>,
    handle: (request: Request) => Promise<Response>,
  ): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (request.method !== "POST" || !memberPaths.has(path)) return handle(request);
    let response: Response | undefined;
    try {
      await prisma.$transaction(
        async (tx) => {
          const change: Change = { tx, clientAddress: request.headers.get("x-forwarded-for") ?? undefined };
          await current.run(change, async () => {
            const session = await whoIs(request.headers);
            change.userId = session?.user.id;
            response = await handle(request);
            if (path.endsWith("/leave") && response.ok && session) {
              const left = (await response.clone().json()) as Member & { organizationId: string };
              await record(
                { id: left.organizationId },
                {
                  action: "member.left",
                  target: member(left, session.user.email),
                  before: { role: left.role },
                },
              );
            }
          });
          if (response!.status >= 500) throw undo;
        },
        // The invitation's email is sent within it.
        { timeout: 30_000, maxWait: 10_000 },
      );
    } catch (error) {
      if (error !== undo) throw error;
    }
    return response!;
  }

  return { client, hooks, run };
}
