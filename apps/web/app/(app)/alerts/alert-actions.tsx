"use client";
import { useTransition } from "react";
import { MuteSelect } from "@/components/mute-select";
import { Button } from "@/components/ui/button";
import { notifyResult } from "@/lib/notify";
import { acknowledgeAction, acknowledgeGroupAction, muteAction } from "@/server/actions/alerts";

/**
 * Acknowledge the alert (or every alert of its notification group), or mute its domain for a
 * deploy or maintenance window.
 */
export function AlertActions({
  alertId,
  domainId,
  acknowledged,
  groupId,
}: {
  alertId: string;
  domainId: string;
  acknowledged: boolean;
  /** The alert's notification group when it shares one with other domains. */
  groupId?: string;
}) {
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ error?: string }>, success: string) =>
    startTransition(async () => {
      notifyResult(await work(), success);
    });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {!acknowledged ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() => run(() => acknowledgeAction(alertId), "Alert acknowledged")}
        >
          Acknowledge
        </Button>
      ) : null}
      {groupId ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() => run(() => acknowledgeGroupAction(groupId), "Group's alerts acknowledged")}
        >
          Acknowledge group
        </Button>
      ) : null}
      <MuteSelect
        id={`mute-${alertId}`}
        disabled={pending}
        onMute={(hours) =>
          run(() => muteAction(domainId, hours), hours > 0 ? "Notifications muted" : "Unmuted")
        }
      />
    </div>
  );
}
