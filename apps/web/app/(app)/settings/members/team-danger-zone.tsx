"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
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
  const [error, setError] = useState<string | null>(null);
  const done = (result: { error: { message?: string } | null }) => {
    if (result.error) return setError(result.error.message ?? "Not allowed");
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
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={async () =>
            window.confirm(`Leave ${teamName}?`) &&
            done(await authClient.organization.leave({ organizationId: teamId }))
          }
        >
          Leave team
        </Button>
        {isOwner ? (
          <Button
            variant="danger"
            onClick={async () => {
              if (
                window.prompt(
                  `This deletes ${teamName} with all its domains, scans and alerts. Type the team's name to confirm.`,
                ) !== teamName
              )
                return;
              done(await authClient.organization.delete({ organizationId: teamId }));
            }}
          >
            Delete team
          </Button>
        ) : null}
      </div>
    </section>
  );
}
