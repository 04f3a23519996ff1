import { getTeamSchedule, hasRole } from "@port443/services";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { describeInterval } from "@/lib/interval";
import { requireTeam } from "@/server/session";
import { ScheduleForm } from "./schedule-form";

export const metadata: Metadata = { title: "Monitoring schedule" };

/** The team's default intervals: everyone sees them, admins and owners change them. */
export default async function SchedulePage() {
  const { ctx, role } = await requireTeam();
  const schedule = await getTeamSchedule(ctx);
  const minimumSeconds = ctx.quotas?.minWatchIntervalSeconds ?? 60;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Monitoring schedule</h1>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        Every domain gets a cheap watch probe (one handshake per address: the served chain, the negotiated
        protocol, suite, group and ALPN, and HSTS) and, less often, a deep scan (every protocol, suite and
        vulnerability probe, and the grade). A change the watch probe sees brings the deep scan forward. These
        are the team's defaults; a domain's page can set its own.
      </p>
      {hasRole(role, "admin") ? (
        <ScheduleForm schedule={schedule} minimumSeconds={minimumSeconds} />
      ) : (
        <>
          <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">Watch probe</dt>
            <dd>every {describeInterval(schedule.defaultWatchIntervalSeconds)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Deep scan</dt>
            <dd>every {describeInterval(schedule.defaultScanIntervalSeconds)}</dd>
          </dl>
          <Notice>Only admins and owners change the team's schedule.</Notice>
        </>
      )}
    </div>
  );
}
