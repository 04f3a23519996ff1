import { kindCopy } from "./copy";
import { endpoint } from "./format";
import { type AlertNotice, type DigestInput, severitiesDescending } from "./notice";

/**
 * "[critical] api.example.com:443 – certificate expires in 5 days". Built only from the notice, so
 * the same notice always gets the same subject and mail clients can group by it.
 */
export function alertSubject(notice: AlertNotice): string {
  const copy = kindCopy[notice.kind];
  return notice.event === "resolved"
    ? `[resolved] ${endpoint(notice.domain)} – ${copy.resolved(notice)}`
    : `[${notice.severity}] ${endpoint(notice.domain)} – ${copy.opened(notice)}`;
}

/** "1 critical, 2 high, 1 resolved", or "no alerts". */
export function digestSummary(notices: AlertNotice[]): string {
  const opened = notices.filter((notice) => notice.event === "opened");
  const parts = severitiesDescending.flatMap((severity) => {
    const count = opened.filter((notice) => notice.severity === severity).length;
    return count ? [`${count} ${severity}`] : [];
  });
  const resolved = notices.length - opened.length;
  if (resolved) parts.push(`${resolved} resolved`);
  return parts.length ? parts.join(", ") : "no alerts";
}

/** "[digest] Acme – 2026-11-26: 1 critical, 2 high, 1 resolved" */
export function digestSubject({ team, date, notices }: DigestInput): string {
  return `[digest] ${team.name} – ${date}: ${digestSummary(notices)}`;
}
