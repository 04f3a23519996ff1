import type { AlertPolicy, ExpiryMode, Severity } from "@port443/db";
import type { GroupTiming } from "./groups/plan-delivery";

/** What a domain's alerts follow: the team policy with the domain's overrides applied. */
export interface EffectivePolicy {
  /** lifetime: renewal-overdue and final-stretch alerts for certificates of ≤ 200 days (fixed days beyond); fixed: day thresholds for all. */
  expiryMode: ExpiryMode;
  expiryThresholds: number[];
  minSeverity: Severity;
  notifyGradeDrop: boolean;
  notifyCertChange: boolean;
  failingScanThreshold: number;
  recipients: string[];
  dailyDigest: boolean;
  /** Grouping: a new group's first message waits this long for others to join. */
  groupWaitSeconds: number;
  /** Later additions and recoveries of an open group go out at most this often. */
  groupIntervalSeconds: number;
  /** An open group is reminded at most this often; 0 never. */
  repeatIntervalSeconds: number;
}

export const defaultPolicy: EffectivePolicy = {
  expiryMode: "lifetime",
  expiryThresholds: [30, 14, 7, 3, 1],
  minSeverity: "high",
  notifyGradeDrop: true,
  notifyCertChange: false,
  failingScanThreshold: 3,
  recipients: [],
  dailyDigest: false,
  groupWaitSeconds: 30,
  groupIntervalSeconds: 300,
  repeatIntervalSeconds: 86_400,
};

type PolicyRow = Pick<
  AlertPolicy,
  | "expiryMode"
  | "expiryThresholds"
  | "minSeverity"
  | "notifyGradeDrop"
  | "notifyCertChange"
  | "failingScanThreshold"
  | "recipients"
  | "dailyDigest"
  | "groupWaitSeconds"
  | "groupIntervalSeconds"
  | "repeatIntervalSeconds"
>;

/** Later layers win field by field; null (and an empty list) means "inherit". */
export function effectivePolicy(...layers: (PolicyRow | null | undefined)[]): EffectivePolicy {
  const policy = { ...defaultPolicy };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.expiryThresholds.length)
      policy.expiryThresholds = [...layer.expiryThresholds].sort((a, b) => b - a);
    if (layer.recipients.length) policy.recipients = layer.recipients;
    policy.expiryMode = layer.expiryMode ?? policy.expiryMode;
    policy.minSeverity = layer.minSeverity ?? policy.minSeverity;
    policy.notifyGradeDrop = layer.notifyGradeDrop ?? policy.notifyGradeDrop;
    policy.notifyCertChange = layer.notifyCertChange ?? policy.notifyCertChange;
    policy.failingScanThreshold = layer.failingScanThreshold ?? policy.failingScanThreshold;
    policy.dailyDigest = layer.dailyDigest ?? policy.dailyDigest;
    policy.groupWaitSeconds = layer.groupWaitSeconds ?? policy.groupWaitSeconds;
    policy.groupIntervalSeconds = layer.groupIntervalSeconds ?? policy.groupIntervalSeconds;
    policy.repeatIntervalSeconds = layer.repeatIntervalSeconds ?? policy.repeatIntervalSeconds;
  }
  return policy;
}

/** The policy's grouping timings as the delivery planner takes them. */
export const groupTiming = (policy: EffectivePolicy): GroupTiming => ({
  groupWaitMs: policy.groupWaitSeconds * 1000,
  groupIntervalMs: policy.groupIntervalSeconds * 1000,
  repeatIntervalMs: policy.repeatIntervalSeconds ? policy.repeatIntervalSeconds * 1000 : null,
});
