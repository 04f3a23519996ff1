import { GROUP_LISTED_DOMAINS, type GroupNotice, groupHeadline } from "@port443/notice";
import type { AlertKind } from "./notice";

/** What a group's domains have in common, after "N domains – ". */
const groupPhrase: Record<AlertKind, string> = {
  expiry: "certificate expires soon",
  expired: "certificate has expired",
  renewal_overdue: "certificate was not renewed on time",
  early_renewal: "the CA asks for early renewal",
  cert_changed: "new certificate served",
  weak_config: "weak configuration",
  grade_drop: "grade dropped",
  trust: "certificate not trusted",
  scan_failing: "scans failing",
};

/** "[high] 50 domains – scans failing (address 203.0.113.7)": the same group keeps one subject tail. */
export function groupSubject(notice: GroupNotice): string {
  const tag = notice.allRecovered
    ? "resolved"
    : notice.type === "reminder"
      ? "reminder"
      : notice.group.severity;
  return `[${tag}] ${groupHeadline(notice)} – ${groupPhrase[notice.group.kind]} (${notice.group.cause})`;
}

/** The domains an email names, and how many more the link to the filtered list has. */
export function listedDomains(notice: GroupNotice) {
  return {
    listed: notice.domains.slice(0, GROUP_LISTED_DOMAINS),
    more: Math.max(0, notice.domains.length - GROUP_LISTED_DOMAINS),
  };
}
