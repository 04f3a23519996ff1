import { type Notice, noticeSchema } from "@port443/notice";

/** Webhooks deliver the shared notice as it is, "test" deliveries included. */
export const webhookNoticeSchema = noticeSchema;
export type WebhookNotice = Notice;
