"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { authClient } from "@/lib/auth-client";

/** Leave the team, or (owners) delete it with its domains and history after typing its name. */
export function TeamDangerZone({
  teamId,
  teamName,
  isOwner,
}: {
  teamId: string;
  teamName: string;
  isOwner: boolean;
}) {
  const router = useRouter();
  const done = (result: { error: { message?: string } | null }, success: string) => {
    if (result.error) {
      toast.error(result.error.message ?? "Not allowed");
      return;
    }
    toast.success(success);
    router.push("/overview");
    router.refresh();
  };
  return (
    <section
      aria-labelledby="danger"
      className="space-y-3 rounded-lg border border-red-300 p-4 dark:border-red-900"
    >
      <h2 id="danger" className="font-medium">
        Leave or delete the team
      </h2>
      <div className="flex flex-wrap gap-3">
        <ConfirmDialog
          trigger={<Button variant="secondary">Leave team</Button>}
          title={`Leave ${teamName}?`}
          description="You lose access to its domains and alerts until someone invites you again."
          confirmLabel="Leave team"
          onConfirm={async () =>
            done(await authClient.organization.leave({ organizationId: teamId }), `You left ${teamName}`)
          }
        />
        {isOwner ? (
          <ConfirmDialog
            trigger={<Button variant="danger">Delete team</Button>}
            title={`Delete ${teamName}?`}
            description="This deletes the team with all its domains, scans, alerts, webhooks and API keys. It cannot be undone."
            confirmLabel="Delete team"
            typeToConfirm={teamName}
            onConfirm={async () =>
              done(await authClient.organization.delete({ organizationId: teamId }), `${teamName} deleted`)
            }
          />
        ) : null}
      </div>
    </section>
  );
}
