import { dbGrades, getOverview, hasRole } from "@port443/services";
import type { Metadata } from "next";
import Link from "next/link";
import { ExpiryChart } from "@/components/expiry-chart";
import { GradeBadge } from "@/components/grade-badge";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { requireTeam } from "@/server/session";

export const metadata: Metadata = { title: "Overview" };

const gradeRank = (grade: (typeof dbGrades)[number]) => dbGrades.indexOf(grade);
const HORIZON_DAYS = 90;

export default async function OverviewPage() {
  const { ctx, role } = await requireTeam();
  const overview = await getOverview(ctx);
  const { counts } = overview;
  if (!counts.total) {
    return (
      <div className="space-y-8">
        <h1 className="text-2xl font-semibold">Overview</h1>
        <EmptyState
          title="No domains yet"
          action={
            hasRole(role, "member") ? (
              <Button asChild>
                <Link href="/domains/new">Add domains</Link>
              </Button>
            ) : null
          }
        >
          {hasRole(role, "member")
            ? "Add the endpoints your team serves (host or host:port, one per line): each is scanned at once, and this page then shows expiries, grades and what needs attention first."
            : "Once a member adds the team's endpoints, this page shows expiries, grades and what needs attention first."}
        </EmptyState>
      </div>
    );
  }
  const tiles = [
    { label: "Domains", value: counts.total },
    { label: "Expired", value: counts.expired, alert: counts.expired > 0 },
    { label: "Expiring ≤ 7 days", value: counts.within7, alert: counts.within7 > 0 },
    { label: "Expiring ≤ 30 days", value: counts.within30 },
    { label: "Failing scans", value: counts.failing, alert: counts.failing > 0 },
  ];
  const weeks = overview.expiriesByWeek;
  const until = new Date(weeks[0]!.from.getTime() + HORIZON_DAYS * 86_400_000);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Overview</h1>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        {tiles.map((tile) => (
          <div
            key={tile.label}
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <dt className="text-sm text-slate-600 dark:text-slate-400">{tile.label}</dt>
            <dd
              className={`mt-1 text-3xl font-semibold ${tile.alert ? "text-red-700 dark:text-red-400" : ""}`}
            >
              {tile.value}
            </dd>
          </div>
        ))}
      </dl>

      <Panel id="expiries" title={`Certificate expiries, next ${HORIZON_DAYS} days (per week)`}>
        {weeks.some((week) => week.count) ? (
          <ExpiryChart weeks={weeks.map(({ from, count }) => ({ from, count }))} until={until} />
        ) : (
          <EmptyState title={`No certificate expires in the next ${HORIZON_DAYS} days`}>
            Nothing to renew soon. Certificates that near expiry show here by week, and their alerts go to the
            recipients of the alert policy.
          </EmptyState>
        )}
      </Panel>

      <Panel id="grades" title="Grades">
        <ul className="flex flex-wrap gap-4">
          {overview.grades
            .sort((a, b) =>
              a.grade === null ? 1 : b.grade === null ? -1 : gradeRank(a.grade) - gradeRank(b.grade),
            )
            .map((row) => (
              <li key={row.grade ?? "none"} className="flex items-center gap-2 text-sm">
                <GradeBadge grade={row.grade} />
                <span>{row.count}</span>
              </li>
            ))}
        </ul>
      </Panel>

      <section aria-labelledby="urgent">
        <h2 id="urgent" className="mb-3 font-medium">
          Most urgent
        </h2>
        {overview.urgent.length ? (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {overview.urgent.map((domain) => (
              <li key={domain.id} className="flex items-center gap-3 px-4 py-3">
                <GradeBadge grade={domain.grade} />
                <Link href={`/domains/${domain.id}`} className="font-medium hover:underline">
                  {domain.hostname}:{domain.port}
                </Link>
                <span className="ml-auto text-sm text-slate-600 dark:text-slate-400">
                  {domain.status === "error" ? (
                    `scan failing: ${domain.lastError ?? "unknown error"}`
                  ) : domain.notAfter ? (
                    <>
                      {domain.notAfter < new Date() ? "expired " : "expires "}
                      <RelativeTime at={domain.notAfter} />
                    </>
                  ) : (
                    "not scanned yet"
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="Nothing urgent">
            No certificate expires within 30 days and every scan succeeds. Domains that need attention are
            listed here first.
          </EmptyState>
        )}
      </section>
    </div>
  );
}
