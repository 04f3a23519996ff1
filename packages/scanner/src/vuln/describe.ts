import { failureReason } from "../enumerate/session";
import { alertName } from "../wire/alerts";
import type { ProbeResult } from "../wire/probe-result";

/** A probe's answer in words, for details and incomplete reasons. */
export function describeAnswer(result: ProbeResult): string {
  if (result.type === "server_hello") return "a ServerHello";
  if (result.type === "alert") return `alert ${alertName(result.code)}`;
  if (result.type === "closed") return "the connection closed";
  return failureReason(result) ?? result.type;
}
