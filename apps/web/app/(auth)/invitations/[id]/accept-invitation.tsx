"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";

export function AcceptInvitation({ invitationId }: { invitationId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function answer(accept: boolean) {
    const { error } = accept
      ? await authClient.organization.acceptInvitation({ invitationId })
      : await authClient.organization.rejectInvitation({ invitationId });
    if (error) return setError(error.message ?? "This invitation is no longer valid.");
    router.push(accept ? "/overview" : "/");
    router.refresh();
  }
  return (
    <div className="space-y-4">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex gap-3">
        <Button onClick={() => answer(true)}>Accept</Button>
        <Button variant="secondary" onClick={() => answer(false)}>
          Decline
        </Button>
      </div>
    </div>
  );
}
