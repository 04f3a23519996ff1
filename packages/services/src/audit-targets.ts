import type { AlertPolicy, ApiKey, Domain, Webhook } from "@port443/db";
import type { AuditEntry } from "./record-audit";

/** What the audit log keeps of each kind of target: its label and the fields a change may touch. */

export const domainTarget = (domain: Pick<Domain, "id" | "hostname" | "port">) => ({
  type: "domain",
  id: domain.id,
  label: `${domain.hostname}:${domain.port}`,
});

export const domainFields = (domain: Domain) => ({
  hostname: domain.hostname,
  port: domain.port,
  tags: domain.tags,
  enabled: domain.enabled,
  scanIntervalSeconds: domain.scanIntervalSeconds,
  watchIntervalSeconds: domain.watchIntervalSeconds,
});

export const domainCreated = (domain: Domain): AuditEntry => ({
  action: "domain.created",
  target: domainTarget(domain),
  after: domainFields(domain),
});

/** A webhook's URL may carry its credential (Slack's path, a token in the query): only its origin. */
export const webhookTarget = (webhook: Pick<Webhook, "id" | "url" | "kind">) => ({
  type: "webhook",
  id: webhook.id,
  label: `${webhook.kind} webhook to ${new URL(webhook.url).origin}`,
});

/** A key by its name and display prefix; never its hash. */
export const apiKeyTarget = (key: Pick<ApiKey, "id" | "name" | "prefix">) => ({
  type: "api_key",
  id: key.id,
  label: `${key.name} (${key.prefix}…)`,
});

/**
 * The fields the alert policy forms edit. No row reads as nothing set (null, lists empty): a
 * domain without overrides inherits every field, a team without a policy has the defaults.
 */
export const policyFields = (policy: AlertPolicy | null) => ({
  expiryMode: policy?.expiryMode ?? null,
  expiryThresholds: policy?.expiryThresholds ?? [],
  minSeverity: policy?.minSeverity ?? null,
  notifyGradeDrop: policy?.notifyGradeDrop ?? null,
  notifyCertChange: policy?.notifyCertChange ?? null,
  failingScanThreshold: policy?.failingScanThreshold ?? null,
  recipients: policy?.recipients ?? [],
  dailyDigest: policy?.dailyDigest ?? null,
  groupWaitSeconds: policy?.groupWaitSeconds ?? null,
  groupIntervalSeconds: policy?.groupIntervalSeconds ?? null,
  repeatIntervalSeconds: policy?.repeatIntervalSeconds ?? null,
});

/** One of the team's own settings ("Alert policy", "Private CA"): the team is the target. */
export const teamTarget = (teamId: string, label: string) => ({ type: "team", id: teamId, label });
