"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { notifyResult } from "@/lib/notify";
import {
  type BadgeActionResult,
  disableBadgeAction,
  enableBadgeAction,
  rotateBadgeAction,
} from "./badge-actions";

/** A read-only line to copy: the badge's URL or a snippet that embeds it. */
function CopyField({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-end gap-2">
      <div className="min-w-0 flex-1">
        <Field
          label={label}
          value={value}
          readOnly
          className="w-full font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <Button
        variant="secondary"
        aria-label={`Copy the ${label.toLowerCase()}`}
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => toast.success(`${label} copied`),
            () => toast.error("Could not copy: select the text and copy it instead"),
          )
        }
      >
        Copy
      </Button>
    </div>
  );
}

/**
 * The badge's preview and URL with snippets to copy, for everyone; for members, turning it on,
 * a new URL (the old one stops working) and turning it off.
 */
export function BadgeControls({
  domainId,
  url,
  canEdit,
}: {
  domainId: string;
  url: string | null;
  canEdit: boolean;
}) {
  const router = useRouter();
  const change = async (action: (domainId: string) => Promise<BadgeActionResult>, success: string) => {
    if (notifyResult(await action(domainId), success)) router.refresh();
  };
  return url ? (
    <>
      {/* From the page's own origin, which its Content-Security-Policy allows images from. */}
      {/* biome-ignore lint/performance/noImgElement: an SVG of our own; next/image does not resize SVGs */}
      <img src={new URL(url).pathname} alt="This domain's status badge" height={20} />
      <div className="max-w-2xl space-y-3">
        <CopyField label="Badge URL" value={url} />
        <CopyField label="Markdown" value={`![TLS status](${url})`} />
      </div>
      {canEdit ? (
        <div className="flex flex-wrap gap-3">
          <ConfirmDialog
            trigger={<Button variant="secondary">New URL</Button>}
            title="Give the badge a new URL?"
            description="The current URL stops working: wherever it is embedded shows a broken image until it is replaced (copies browsers and image proxies already hold may show for up to an hour)."
            confirmLabel="New URL"
            onConfirm={() => change(rotateBadgeAction, "The badge has a new URL")}
          />
          <ConfirmDialog
            trigger={<Button variant="danger">Turn off</Button>}
            title="Turn the badge off?"
            description="Its URL stops working (copies browsers and image proxies already hold may show for up to an hour). Turning it on again gives a new URL."
            confirmLabel="Turn off"
            onConfirm={() => change(disableBadgeAction, "The badge is off")}
          />
        </div>
      ) : null}
    </>
  ) : canEdit ? (
    <Button onClick={() => change(enableBadgeAction, "The badge is on")}>Turn on badge</Button>
  ) : (
    <p className="text-sm">The badge is off; a member can turn it on.</p>
  );
}
