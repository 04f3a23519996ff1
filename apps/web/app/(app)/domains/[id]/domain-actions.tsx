"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MuteSelect } from "@/components/mute-select";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { muteAction } from "@/server/actions/alerts";
import { deleteDomainAction, scanNow, scanState } from "./actions";

const stateLabel = { queued: "Queued…", running: "Scanning…", done: "Done", failed: "Scan failed" } as const;

/** "Scan now" with live progress (polling the scan's state), a mute window, and delete: for members and above. */
export function DomainActions({ domainId }: { domainId: string }) {
  const router = useRouter();
  const [progress, setProgress] = useState<keyof typeof stateLabel | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function scan() {
    setError(null);
    const result = await scanNow(domainId);
    if (!result.scanId) return setError(result.error ?? "Could not start the scan");
    setProgress("queued");
    for (let attempt = 0; attempt < 120; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const state = await scanState(result.scanId);
      setProgress(state);
      if (state === "done" || state === "failed") break;
    }
    router.refresh();
  }

  async function remove() {
    if (!window.confirm("Delete this domain with its scan history and alerts?")) return;
    const result = await deleteDomainAction(domainId);
    if (result?.error) setError(result.error);
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={scan} disabled={progress === "queued" || progress === "running"}>
        Scan now
      </Button>
      <MuteSelect
        id="mute-domain"
        onMute={async (hours) => {
          setError((await muteAction(domainId, hours)).error ?? null);
          router.refresh();
        }}
      />
      <Button variant="danger" onClick={remove}>
        Delete
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
        {progress ? stateLabel[progress] : ""}
      </span>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </div>
  );
}
