import { webEnv } from "@port443/config/web";
import { badgeUrl } from "@port443/services";
import { Panel } from "@/components/ui/panel";
import { BadgeControls } from "./badge-controls";

/**
 * The domain's status badge: an SVG with its grade and days left for a README or status page, at
 * a URL only those it is given know (`/badges/<token>.svg`, served by app/badges).
 */
export function BadgeSection({
  domainId,
  token,
  canEdit,
}: {
  domainId: string;
  token: string | null;
  canEdit: boolean;
}) {
  return (
    <Panel id="badge" title="Status badge" className="space-y-4">
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        A badge shows this domain's grade and days left, coloured by its status, in a README or on a status
        page. Anyone with its URL can see the badge and nothing else.
      </p>
      <BadgeControls domainId={domainId} url={badgeUrl(webEnv().PUBLIC_URL, token)} canEdit={canEdit} />
    </Panel>
  );
}
