export { type DeliverOptions, deliverWebhook, type WebhookKind } from "./deliver";
export { WebhookDeliveryError } from "./errors";
export { formatGenericPayload, type GenericPayload, type WebhookEventType } from "./generic-payload";
export { formatGenericGroupPayload, formatSlackGroupPayload, type GroupEventType } from "./group-payload";
export { type WebhookNotice, webhookNoticeSchema } from "./notice";
export { signatureHeader, signPayload, type VerifyOptions, verifySignature } from "./signature";
export { formatSlackPayload, type SlackBlock, type SlackPayload } from "./slack-payload";
export { webhookUrlSchema } from "./url";
