import { failureReason } from "../enumerate/session";
import { alertName, parseAlert } from "../wire/alerts";
import type { ConversationEnd, ServerRecord } from "../wire/conversation";
import { ContentType } from "../wire/extension-types";
import type { ProbeResult } from "../wire/probe-result";

/** A probe's answer in words, for details and incomplete reasons. */
export function describeAnswer(result: ProbeResult): string {
  if (result.type === "server_hello") return "a ServerHello";
  if (result.type === "alert") return `alert ${alertName(result.code)}`;
  if (result.type === "closed") return "the connection closed";
  return failureReason(result) ?? result.type;
}

/** A record or how a wait ended, in words. */
export function describeRecordOrEnd(answer: ServerRecord | ConversationEnd): string {
  if ("end" in answer) {
    if (answer.end === "timeout") return "silence";
    if (answer.end === "closed") return "the connection closed";
    if (answer.end === "oversized") return "more data than a probe reads";
    return answer.detail;
  }
  if (answer.type === ContentType.alert) {
    const alert = parseAlert(answer.body);
    return alert.ok ? `alert ${alertName(alert.value.code)}` : "a malformed alert";
  }
  return `a record of type ${answer.type}`;
}
