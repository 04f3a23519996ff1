import { gradeFromDb, watchIntervalMs } from "@port443/monitoring";
import { z } from "zod";
import { renderBadge } from "./badge-svg";
import { badgeTokenPattern } from "./badge-token";
import type { OperatorContext } from "./context";
import { ServiceError } from "./errors";
import type { TeamQuotas } from "./team-quotas";

const DAY_MS = 86_400_000;
/**
 * How long a badge may be kept (browsers, image proxies, the web process): its domain's watch
 * interval, the rhythm its data changes at, but at most an hour, which also bounds how long a
 * rotated or disabled badge lingers in caches, and at least a minute.
 */
const keepSeconds = { min: 60, max: 3_600 };

export const getBadgeInput = z.object({ token: z.string().regex(badgeTokenPattern) });

/**
 * The badge behind a token, for anyone who has its URL (no team, no role: the token is the
 * permission): the rendered SVG and how many seconds it may be kept. A token that is malformed,
 * unknown, rotated away or of a badge turned off is "not found", all alike.
 */
export async function getBadge(
  ctx: OperatorContext & { quotas?: Pick<TeamQuotas, "minWatchIntervalSeconds"> },
  input: z.input<typeof getBadgeInput>,
) {
  // Not parseInput: a malformed token is refused as an unknown one is, with nothing to tell apart.
  const parsed = getBadgeInput.safeParse(input);
  if (!parsed.success) throw new ServiceError("not_found", "no such badge");
  const { token } = parsed.data;
  const domain = await ctx.prisma.domain.findUnique({
    where: { badgeToken: token },
    select: {
      status: true,
      enabled: true,
      grade: true,
      notAfter: true,
      scanIntervalSeconds: true,
      watchIntervalSeconds: true,
      team: { select: { defaultScanIntervalSeconds: true, defaultWatchIntervalSeconds: true } },
    },
  });
  if (!domain) throw new ServiceError("not_found", "no such badge");
  const svg = renderBadge({
    status: domain.enabled ? domain.status : "paused",
    grade: domain.grade ? gradeFromDb[domain.grade] : null,
    daysLeft: domain.notAfter ? Math.floor((domain.notAfter.getTime() - Date.now()) / DAY_MS) : null,
  });
  const watchSeconds = watchIntervalMs(domain, domain.team, ctx.quotas?.minWatchIntervalSeconds ?? 0) / 1000;
  return { svg, maxAgeSeconds: Math.min(keepSeconds.max, Math.max(keepSeconds.min, watchSeconds)) };
}
