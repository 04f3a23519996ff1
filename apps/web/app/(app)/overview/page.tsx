import { dbGrades, getOverview } from "@port443/services";
import type { Metadata } from "next";
import Link from "next/link";
import { GradeBadge } from "@/components/grade-badge";
import { Panel } from "@/components/ui/panel";
import { daysLeftLabel } from "@/lib/format";
import { requireTeam } from "@/server/session";

export const metadata: Metadata = { title: "Overview" };

const gradeRank = (grade: (typeof dbGrades)[number]) => dbGrades.indexOf(grade);

export default async function OverviewPage() {
  const { ctx } = await requireTeam();
  const overview = await getOverview(ctx);
  const { counts } = overview;
  const tiles = [
    { label: "Domains", value: counts.total },
    { label: "Expired", value: counts.expired, alert: counts.expired > 0 },
    { label: "Expiring ≤ 7 days", value: counts.within7, alert: counts.within7 > 0 },
    { label: "Expiring ≤ 30 days", value: counts.within30 },
    { label: "Failing scans", value: counts.failing, alert: counts.failing > 0 },
  ];
  const busiest = Math.max(1, ...overview.expiriesByWeek.map((week) => week.count));
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

      <Panel id="expiries" title="Certificate expiries, next 90 days (per week)">
        <ol className="flex h-32 items-end gap-1" aria-label="Expiries per week">
          {overview.expiriesByWeek.map((week) => (
            <li
              key={week.week}
              className="flex flex-1 flex-col items-center justify-end gap-1"
              title={`Week ${week.week + 1}: ${week.count}`}
            >
              <span className="text-xs text-slate-500">{week.count || ""}</span>
              <span
                className="w-full rounded-t bg-brand-500"
                style={{ height: `${(week.count / busiest) * 96}px` }}
              />
              <span className="sr-only">{`week ${week.week + 1}: ${week.count} certificates`}</span>
            </li>
          ))}
        </ol>
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
                  {domain.status === "error"
                    ? `scan failing: ${domain.lastError ?? "unknown error"}`
                    : daysLeftLabel(domain.notAfter)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Nothing urgent: no certificate expires within 30 days and every scan succeeds.
          </p>
        )}
      </section>
    </div>
  );
}
