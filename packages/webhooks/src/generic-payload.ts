import type { WebhookNotice } from "./notice";

export type WebhookEventType = "alert.opened" | "alert.resolved" | "test";

export const eventType = (notice: WebhookNotice): WebhookEventType =>
  notice.event === "test" ? "test" : `alert.${notice.event}`;

/** The body generic receivers parse; bump `version` on any incompatible change. */
export interface GenericPayload extends Omit<WebhookNotice, "event"> {
  version: 1;
  /** The delivery id: the same on every retry, so receivers can drop duplicates. */
  id: string;
  type: WebhookEventType;
}

export function formatGenericPayload(notice: WebhookNotice, options: { deliveryId: string }): GenericPayload {
  return {
    version: 1,
    id: options.deliveryId,
    type: eventType(notice),
    kind: notice.kind,
    severity: notice.severity,
    title: notice.title,
    detail: notice.detail,
    occurredAt: notice.occurredAt,
    team: notice.team,
    domain: notice.domain,
    certificate: notice.certificate,
    findings: notice.findings,
    grade: notice.grade,
    failures: notice.failures,
    ...(notice.group ? { group: notice.group } : {}),
  };
}
