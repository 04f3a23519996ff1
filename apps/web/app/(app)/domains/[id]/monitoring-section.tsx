import type { getDomain } from "@port443/services";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/relative-time";
import { Panel } from "@/components/ui/panel";
import { describeInterval } from "@/lib/interval";
import { DomainScheduleForm } from "./domain-schedule-form";

type Domain = Awaited<ReturnType<typeof getDomain>>;

/** Where an interval comes from: the domain, the team, or the deployment's minimum above both. */
function source(interval: Domain["schedule"]["watch"], configured: number | null): string {
  if (interval.everySeconds > (configured ?? interval.teamSeconds)) return "this deployment's minimum";
  return interval.own ? "this domain's own" : "team default";
}

function Line({
  kind,
  every,
  last,
  next,
}: {
  kind: string;
  every: string;
  last: ReactNode;
  next: ReactNode;
}) {
  return (
    <li>
      <strong className="font-medium">{kind}:</strong> every {every} · last {last} · next {next}
    </li>
  );
}

/**
 * The two kinds of monitoring and their rhythm: the watch probe (one handshake per address) and the
 * deep scan, each interval with where it comes from, when each last ran and is next due; members
 * set the domain's own intervals.
 */
export function MonitoringSection({ domain, canEdit }: { domain: Domain; canEdit: boolean }) {
  const { watch, deep } = domain.schedule;
  const off = "not scheduled: monitoring is off";
  return (
    <Panel id="monitoring" title="Monitoring schedule" className="space-y-4">
      <ul className="space-y-1 text-sm">
        <Line
          kind="Watch probe"
          every={`${describeInterval(watch.everySeconds)} (${source(watch, domain.watchIntervalSeconds)})`}
          last={<RelativeTime at={domain.lastProbeAt} never="none yet" />}
          next={
            !domain.enabled ? (
              off
            ) : domain.lastScanAt ? (
              <RelativeTime at={domain.nextWatchAt} />
            ) : (
              "after the first deep scan"
            )
          }
        />
        <Line
          kind="Deep scan"
          every={`${describeInterval(deep.everySeconds)} (${source(deep, domain.scanIntervalSeconds)})`}
          last={<RelativeTime at={domain.lastScanAt} never="none yet" />}
          next={domain.enabled ? <RelativeTime at={domain.nextScanAt} /> : off}
        />
      </ul>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        A watch probe reads the served chain, the negotiated protocol, suite, group and ALPN, and HSTS with
        one handshake per address. When any of them changes, or an expiry or renewal alert falls due, it
        brings the deep scan forward: every protocol, suite and vulnerability probe, and the grade.
      </p>
      {canEdit ? (
        <DomainScheduleForm
          domainId={domain.id}
          own={{
            watchIntervalSeconds: domain.watchIntervalSeconds,
            scanIntervalSeconds: domain.scanIntervalSeconds,
          }}
          team={{ watchSeconds: watch.teamSeconds, deepSeconds: deep.teamSeconds }}
        />
      ) : null}
    </Panel>
  );
}
