"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { MuteSelect } from "@/components/mute-select";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { notifyResult } from "@/lib/notify";
import { muteAction } from "@/server/actions/alerts";
import { deleteDomainAction, scanNow, scanState } from "./actions";

const stateLabel = { queued: "Queued…", running: "Scanning…", done: "Done", failed: "Scan failed" } as const;

/** "Scan now" with live progress (polling the scan's state), a mute window, and delete: for members and above. */
export function DomainActions({ domainId, hostname }: { domainId: string; hostname: string }) {
  const router = useRouter();
  const [progress, setProgress] = useState<keyof typeof stateLabel | null>(null);

  async function scan() {
    const result = await scanNow(domainId);
    if (!result.scanId) return toast.error(result.error ?? "Could not start the scan");
    setProgress("queued");
    for (let attempt = 0; attempt < 120; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const state = await scanState(result.scanId);
      setProgress(state);
      if (state === "done" || state === "failed") {
        if (state === "done") toast.success(`Scanned ${hostname}`);
        else toast.error(`The scan of ${hostname} failed; the page says why`);
        break;
      }
    }
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={scan} disabled={progress === "queued" || progress === "running"}>
        Scan now
      </Button>
      <MuteSelect
        id="mute-domain"
        onMute={async (hours) => {
          notifyResult(await muteAction(domainId, hours), hours > 0 ? "Notifications muted" : "Unmuted");
          router.refresh();
        }}
      />
      <ConfirmDialog
        trigger={<Button variant="danger">Delete</Button>}
        title={`Delete ${hostname}?`}
        description="Its scan history, certificates seen and alerts go with it. This cannot be undone."
        confirmLabel="Delete domain"
        onConfirm={async () => {
          // On success the action redirects to the list; only a refusal comes back.
          const result = await deleteDomainAction(domainId);
          if (result?.error) toast.error(result.error);
        }}
      />
      <span role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
        {progress ? stateLabel[progress] : ""}
      </span>
    </div>
  );
}
