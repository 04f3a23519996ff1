import { type AddressPolicy, BlockedAddressError, boundedRequest } from "@port443/net";
import type { GroupNotice } from "@port443/notice";
import { WebhookDeliveryError } from "./errors";
import { eventType, formatGenericPayload } from "./generic-payload";
import { formatGenericGroupPayload, formatSlackGroupPayload, groupEventType } from "./group-payload";
import type { WebhookNotice } from "./notice";
import { signatureHeader, signPayload } from "./signature";
import { formatSlackPayload } from "./slack-payload";
import { classifyStatus } from "./status";
import { webhookUrlSchema } from "./url";

export type WebhookKind = "generic" | "slack";

export interface DeliverOptions {
  url: string;
  kind: WebhookKind;
  /** Signs generic deliveries; Slack URLs carry their own secret. */
  secret: string;
  /** One alert's notice, or a notification group's message. */
  notice: WebhookNotice | GroupNotice;
  /** Stable across retries of the same notification to the same webhook. */
  deliveryId: string;
  policy: AddressPolicy;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The response body is never used; the cap only stops a receiver from streaming at us. */
const maxResponseBytes = 64 * 1024;

function buildRequest(options: DeliverOptions): { body: string; headers: Record<string, string> } {
  const common = { "content-type": "application/json", "user-agent": "Port443-Webhooks/1" };
  const { notice } = options;
  const grouped = "domains" in notice;
  if (options.kind === "slack")
    return {
      body: JSON.stringify(grouped ? formatSlackGroupPayload(notice) : formatSlackPayload(notice)),
      headers: common,
    };
  const body = JSON.stringify(
    grouped
      ? formatGenericGroupPayload(notice, { deliveryId: options.deliveryId })
      : formatGenericPayload(notice, { deliveryId: options.deliveryId }),
  );
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      ...common,
      [signatureHeader]: signPayload(options.secret, body, timestamp),
      "X-Port443-Event": grouped ? groupEventType(notice) : eventType(notice),
      "X-Port443-Delivery": options.deliveryId,
    },
  };
}

/**
 * POSTs one notice to one webhook, through the address policy so a registered URL cannot reach
 * our own network. Resolves on 2xx; otherwise throws a WebhookDeliveryError saying whether a
 * retry can help.
 */
export async function deliverWebhook(options: DeliverOptions): Promise<{ status: number }> {
  const url = webhookUrlSchema.safeParse(options.url);
  if (!url.success)
    throw new WebhookDeliveryError(`invalid webhook URL: ${url.error.issues[0]?.message}`, {
      permanent: true,
    });
  if (options.kind === "generic" && options.secret === "")
    throw new WebhookDeliveryError("generic webhooks need a signing secret", { permanent: true });

  const { body, headers } = buildRequest(options);
  let status: number;
  try {
    ({ status } = await boundedRequest(url.data, {
      method: "POST",
      body: Buffer.from(body),
      headers,
      policy: options.policy,
      timeoutMs: options.timeoutMs ?? 10_000,
      maxBytes: maxResponseBytes,
      signal: options.signal,
    }));
  } catch (error) {
    // Everything but a refused address (timeouts, resets, DNS, TLS) may pass on a later attempt.
    throw new WebhookDeliveryError(`webhook delivery failed: ${(error as Error).message}`, {
      permanent: error instanceof BlockedAddressError,
      cause: error,
    });
  }
  const outcome = classifyStatus(status);
  if (outcome === "delivered") return { status };
  throw new WebhookDeliveryError(`webhook receiver answered HTTP ${status}`, {
    permanent: outcome === "permanent",
    status,
  });
}
