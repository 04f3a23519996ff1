import type { Prisma } from "@port443/db";
import type { ServiceContext } from "./context";
import { LimitError } from "./errors";
import { describeWait, type TeamQuotas } from "./team-quotas";

/** Actions that send something to an address the team chose, each limited per team and hour. */
const throttled = {
  test_webhooks: {
    limit: "testWebhooksPerHour",
    refusal: (limit: number) =>
      `test delivery limit reached: a team may send ${limit} webhook tests per hour`,
  },
  invitations: {
    limit: "invitationsPerHour",
    refusal: (limit: number) => `invitation limit reached: a team may send ${limit} invitations per hour`,
  },
  recipient_changes: {
    limit: "recipientChangesPerHour",
    refusal: (limit: number) =>
      `alert recipient limit reached: a team may change its alert recipients ${limit} times per hour`,
  },
} as const satisfies Record<string, { limit: keyof TeamQuotas; refusal: (limit: number) => string }>;

export type ThrottledAction = keyof typeof throttled;

const HOUR_MS = 3_600_000;

/**
 * Counts one `action` for the team in the current hour (a fixed window, like the API's per-key
 * limit) and refuses it past the team's rate, saying when the next is possible. It counts in the
 * action's own transaction, so an action that fails (or is refused) takes no turn, and two at
 * once queue on the counter's row.
 */
export async function takeThrottleTurn(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  action: ThrottledAction,
  now = new Date(),
) {
  if (!ctx.quotas) return;
  const limit = ctx.quotas[throttled[action].limit];
  const windowStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const [counted] = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO team_throttles (team_id, action, window_start, count)
    VALUES (${ctx.teamId}::uuid, ${action}, ${windowStart}, 1)
    ON CONFLICT (team_id, action) DO UPDATE SET
      count = CASE WHEN team_throttles.window_start = EXCLUDED.window_start
        THEN team_throttles.count + 1 ELSE 1 END,
      window_start = EXCLUDED.window_start
    RETURNING count`;
  if (counted!.count <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 1000));
  throw new LimitError(
    "rate_limited",
    `${throttled[action].refusal(limit)}; the next is possible in ${describeWait(retryAfterSeconds)}`,
    retryAfterSeconds,
  );
}
