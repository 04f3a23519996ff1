import { hasRole, listAlerts } from "@port443/services";
import type { Metadata } from "next";
import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { SeverityBadge, severityStyles } from "@/components/severity";
import { EmptyState } from "@/components/ui/empty-state";
import { requireTeam } from "@/server/session";
import { AlertActions } from "./alert-actions";

export const metadata: Metadata = { title: "Alerts" };

const views = [
  { state: "active", label: "Open" },
  { state: "resolved", label: "Resolved" },
] as const;

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<{ state?: string; cursor?: string }>;
}) {
  const params = await searchParams;
  const state = params.state === "resolved" ? "resolved" : "active";
  const { ctx, role } = await requireTeam();
  const page = await listAlerts(ctx, { state, cursor: params.cursor });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Alerts</h1>
      <nav aria-label="Alert state" className="flex gap-2 text-sm">
        {views.map((view) => (
          <Link
            key={view.state}
            href={`/alerts?state=${view.state}`}
            aria-current={state === view.state ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ${state === view.state ? "bg-slate-900 text-white dark:bg-white dark:text-slate-900" : "border border-slate-300 dark:border-slate-700"}`}
          >
            {view.label}
          </Link>
        ))}
      </nav>
      {page.items.length ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {page.items.map((alert) => {
            // Only a group of several domains is worth naming; a lone alert is its own group.
            const group = alert.groupMembers[0]?.group;
            const shared = group && group._count.members > 1 ? group : undefined;
            return (
              <li
                key={alert.id}
                className={`space-y-1 border-l-4 px-4 py-3 ${severityStyles[alert.severity].accent}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={alert.severity} />
                  <span className="font-medium">{alert.title}</span>
                  <Link
                    href={`/domains/${alert.domainId}`}
                    className="text-sm text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {alert.domain.hostname}:{alert.domain.port}
                  </Link>
                  <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">
                    {alert.state} · opened <RelativeTime at={alert.openedAt} />
                    {alert.resolvedAt ? (
                      <>
                        {" "}
                        · resolved <RelativeTime at={alert.resolvedAt} />
                      </>
                    ) : null}
                  </span>
                </div>
                {alert.detail ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">{alert.detail}</p>
                ) : null}
                {shared ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    Notified with its group: {shared.cause} ·{" "}
                    <Link href={`/domains?group=${shared.id}`} className="underline">
                      {shared._count.members} domains
                    </Link>
                  </p>
                ) : null}
                {state === "active" && hasRole(role, "member") ? (
                  <AlertActions
                    alertId={alert.id}
                    domainId={alert.domainId}
                    acknowledged={alert.state === "acknowledged"}
                    groupId={shared?.id}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState
          title={state === "active" ? "No open alerts" : "No resolved alerts yet"}
          action={
            hasRole(role, "admin") ? (
              <Link href="/settings/alerts" className="font-medium underline">
                Review the alert policy
              </Link>
            ) : null
          }
        >
          {state === "active"
            ? "Every domain is fine. An alert opens here when a scan finds a certificate nearing expiry, a weak configuration, a failing scan or a dropped grade; the alert policy decides which, and who is told."
            : "Alerts move here once a scan sees their cause fixed: a renewed certificate, a stronger configuration, a scan that succeeds again."}
        </EmptyState>
      )}
      {page.nextCursor ? (
        <Link href={`/alerts?state=${state}&cursor=${page.nextCursor}`} className="text-sm underline">
          Older alerts
        </Link>
      ) : null}
    </div>
  );
}
