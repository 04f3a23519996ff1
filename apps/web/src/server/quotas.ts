import { webEnv } from "@port443/config/web";
import type { TeamQuotas } from "@port443/services";

/** The deployment's per-team limits, the same for the dashboard and the REST API. */
export function teamQuotas(): TeamQuotas {
  const env = webEnv();
  return {
    domains: env.PORT443_MAX_DOMAINS_PER_TEAM,
    manualScansPerHour: env.PORT443_MANUAL_SCANS_PER_HOUR,
    testWebhooksPerHour: env.PORT443_TEST_WEBHOOKS_PER_HOUR,
    invitationsPerHour: env.PORT443_INVITATIONS_PER_HOUR,
    recipientChangesPerHour: env.PORT443_RECIPIENT_CHANGES_PER_HOUR,
    minWatchIntervalSeconds: env.PORT443_MIN_WATCH_INTERVAL_SECONDS,
  };
}
