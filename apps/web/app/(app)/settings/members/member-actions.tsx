"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { authClient } from "@/lib/auth-client";

const roles = ["viewer", "member", "admin", "owner"] as const;
type Role = (typeof roles)[number];

/**
 * Change a member's role, remove them, or (owners) hand over ownership. better-auth checks the
 * actor's role on the server and refuses to leave a team without an owner.
 */
export function MemberActions({
  teamId,
  memberId,
  role,
  actorRole,
  actorMemberId,
}: {
  teamId: string;
  memberId: string;
  role: Role;
  actorRole: Role;
  actorMemberId: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<{ error: { message?: string } | null }>) =>
    startTransition(async () => {
      const { error } = await work();
      setError(error ? (error.message ?? "Not allowed") : null);
      router.refresh();
    });
  const assignable = roles.filter((candidate) => candidate !== "owner" || actorRole === "owner");
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${memberId}`}>
        Role
      </label>
      <select
        id={`role-${memberId}`}
        defaultValue={role}
        disabled={pending}
        onChange={(event) =>
          run(() =>
            authClient.organization.updateMemberRole({
              memberId,
              role: event.target.value as Role,
              organizationId: teamId,
            }),
          )
        }
        className="rounded border border-slate-300 px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
      >
        {assignable.map((candidate) => (
          <option key={candidate}>{candidate}</option>
        ))}
      </select>
      {actorRole === "owner" && role !== "owner" ? (
        <button
          type="button"
          disabled={pending}
          className="text-brand-700 hover:underline dark:text-brand-500"
          onClick={() => {
            if (!window.confirm("Make this member the owner? You become an admin.")) return;
            run(async () => {
              const promoted = await authClient.organization.updateMemberRole({
                memberId,
                role: "owner",
                organizationId: teamId,
              });
              if (promoted.error) return promoted;
              return authClient.organization.updateMemberRole({
                memberId: actorMemberId,
                role: "admin",
                organizationId: teamId,
              });
            });
          }}
        >
          Transfer ownership
        </button>
      ) : null}
      <button
        type="button"
        disabled={pending}
        className="text-red-700 hover:underline dark:text-red-400"
        onClick={() => {
          if (window.confirm("Remove this member from the team?"))
            run(() =>
              authClient.organization.removeMember({ memberIdOrEmail: memberId, organizationId: teamId }),
            );
        }}
      >
        Remove
      </button>
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
