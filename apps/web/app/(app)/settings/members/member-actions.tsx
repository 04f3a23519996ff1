"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
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
  name,
}: {
  teamId: string;
  memberId: string;
  role: Role;
  actorRole: Role;
  actorMemberId: string;
  /** The member's name or email, for the confirmations. */
  name: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ error: { message?: string } | null }>, success: string) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        const { error } = await work();
        if (error) toast.error(error.message ?? "Not allowed");
        else toast.success(success);
        router.refresh();
        resolve();
      }),
    );
  const assignable = roles.filter((candidate) => candidate !== "owner" || actorRole === "owner");
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Select
        id={`role-${memberId}`}
        label="Role"
        hideLabel
        compact
        defaultValue={role}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as Role;
          run(
            () => authClient.organization.updateMemberRole({ memberId, role: next, organizationId: teamId }),
            `Role changed to ${next}`,
          );
        }}
      >
        {assignable.map((candidate) => (
          <option key={candidate}>{candidate}</option>
        ))}
      </Select>
      {actorRole === "owner" && role !== "owner" ? (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" disabled={pending}>
              Transfer ownership
            </Button>
          }
          title={`Make ${name} the owner?`}
          description="They can then delete the team and manage everything; you become an admin."
          confirmLabel="Transfer ownership"
          onConfirm={() =>
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
            }, `${name} is now the owner`)
          }
        />
      ) : null}
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" disabled={pending} className="text-red-700 dark:text-red-400">
            Remove
          </Button>
        }
        title={`Remove ${name} from the team?`}
        description="They lose access to its domains, alerts and settings at once. You can invite them again."
        confirmLabel="Remove member"
        onConfirm={() =>
          run(
            () => authClient.organization.removeMember({ memberIdOrEmail: memberId, organizationId: teamId }),
            `${name} removed`,
          )
        }
      />
    </span>
  );
}
