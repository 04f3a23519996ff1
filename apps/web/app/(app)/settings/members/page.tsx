import { hasRole, listMembers } from "@port443/services";
import type { Metadata } from "next";
import { RelativeTime } from "@/components/relative-time";
import { EmptyState } from "@/components/ui/empty-state";
import { TableHeader } from "@/components/ui/table-header";
import { requireTeam } from "@/server/session";
import { InviteForm } from "./invite-form";
import { MemberActions } from "./member-actions";
import { TeamDangerZone } from "./team-danger-zone";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { ctx, role, team, session } = await requireTeam();
  const { members, invitations } = await listMembers(ctx);
  const self = members.find((member) => member.userId === session.user.id);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Members</h1>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        Viewers read; members manage domains and start scans; admins also manage alerts, webhooks, API keys
        and members; owners can also delete the team.
      </p>
      {hasRole(role, "admin") ? <InviteForm teamId={team.id} /> : null}
      <table className="w-full text-left text-sm">
        <TableHeader columns={["Name", "Email", "Role", "Joined", { hidden: "Actions" }]} />
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {members.map((member) => (
            <tr key={member.id}>
              <td className="py-2">{member.user.name}</td>
              <td className="py-2">{member.user.email}</td>
              <td className="py-2">{member.role}</td>
              <td className="py-2">
                <RelativeTime at={member.createdAt} />
              </td>
              <td className="py-2 text-right">
                {hasRole(role, "admin") && member.userId !== session.user.id ? (
                  <MemberActions
                    teamId={team.id}
                    memberId={member.id}
                    role={member.role}
                    actorRole={role}
                    actorMemberId={self?.id ?? ""}
                    name={member.user.name || member.user.email}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="pending">
        <h2 id="pending" className="mb-2 font-medium">
          Pending invitations
        </h2>
        {invitations.length ? (
          <ul className="text-sm">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} as {invitation.role ?? "member"} · expires{" "}
                <RelativeTime at={invitation.expiresAt} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No pending invitations">
            {hasRole(role, "admin")
              ? "Invite teammates by email above; the invitation shows here until they accept it or it expires."
              : "An admin can invite teammates; their invitations show here until accepted."}
          </EmptyState>
        )}
      </section>
      <TeamDangerZone teamId={team.id} teamName={team.name} isOwner={role === "owner"} />
    </div>
  );
}
