import type { CertificateEvent, Grade, ScanAddress, ScanTrigger } from "@port443/db";
import { dbGrades, gradeFromDb } from "@port443/monitoring";
import { describeSpan } from "@port443/scanner";
import { RelativeTime } from "./relative-time";

interface Point {
  at: Date;
  grade: Grade | null;
  failed: boolean;
  daysLeft: number | null;
  trigger: ScanTrigger;
  /** The last watch probe that saw the endpoint unchanged after this deep scan. */
  seenUntil: Date | null;
}

/** Why a deep scan ran. */
const triggerLabels: Record<ScanTrigger, string> = {
  schedule: "scheduled",
  manual: "requested",
  change: "change seen by watch probe",
};

/** Deep scans the timeline lists; the table has them all. */
const TIMELINE_SCANS = 10;

const result = (point: Point) => (point.failed ? "failed" : point.grade ? gradeFromDb[point.grade] : "–");

/**
 * Deep scans newest first, each followed in time (so above it) by how long watch probes then saw
 * the endpoint unchanged.
 */
function Timeline({ points }: { points: Point[] }) {
  const recent = points.slice(-TIMELINE_SCANS).reverse();
  return (
    <div>
      <h3 className="mb-1 font-medium">Deep scans and watch probes</h3>
      <ol className="space-y-1 text-sm">
        {recent.flatMap((point) => [
          point.seenUntil ? (
            <li key={`${point.at.toISOString()}-seen`} className="text-slate-600 dark:text-slate-400">
              Watch probes: seen unchanged until <RelativeTime at={point.seenUntil} />
            </li>
          ) : null,
          <li key={point.at.toISOString()}>
            Deep scan <RelativeTime at={point.at} />, {triggerLabels[point.trigger]}: {result(point)}
          </li>,
        ])}
      </ol>
      {points.length > TIMELINE_SCANS ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The last {TIMELINE_SCANS} of {points.length}; the table below lists them all.
        </p>
      ) : null}
    </div>
  );
}

/** Grades best first; the chart puts A+ at the top. */
const gradeOrder: Grade[] = dbGrades;
const width = 640;
const height = 120;

function polyline(points: Point[], value: (point: Point) => number | null, max: number) {
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  return points
    .map((point, index) => {
      const y = value(point);
      return y === null ? null : `${(index * step).toFixed(1)},${(height - (y / max) * height).toFixed(1)}`;
    })
    .filter(Boolean)
    .join(" ");
}

/** One series as a line; the data table below carries the numbers for screen readers. */
function Sparkline({ caption, points, className }: { caption: string; points: string; className: string }) {
  return (
    <figure>
      <figcaption className="mb-1 text-sm text-slate-600 dark:text-slate-400">{caption}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-32 w-full rounded border border-slate-200 dark:border-slate-800"
        aria-hidden="true"
      >
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" className={className} />
      </svg>
    </figure>
  );
}

/** Days left and grade over the recent scans, a data table for screen readers, and certificate changes. */
export function DomainHistory({
  points,
  changes,
  addresses,
}: {
  points: Point[];
  changes: CertificateEvent[];
  addresses: ScanAddress[];
}) {
  const maxDays = Math.max(30, ...points.map((point) => point.daysLeft ?? 0));
  const gradeValue = (point: Point) =>
    point.grade ? gradeOrder.length - gradeOrder.indexOf(point.grade) : null;
  return (
    <section aria-labelledby="history" className="space-y-6">
      <h2 id="history" className="text-lg font-medium">
        History
      </h2>
      {points.length > 1 ? (
        <div className="grid gap-6 md:grid-cols-2">
          <Sparkline
            caption="Days left on the served certificate"
            points={polyline(points, (point) => point.daysLeft, maxDays)}
            className="text-brand-600"
          />
          <Sparkline
            caption="Grade (higher is better)"
            points={polyline(points, gradeValue, gradeOrder.length)}
            className="text-slate-700 dark:text-slate-300"
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Charts appear after the second scan: scans run on the team's schedule, or at once with Scan now.
        </p>
      )}
      {points.length ? <Timeline points={points} /> : null}
      <details className="text-sm">
        <summary className="cursor-pointer">Scans as a table ({points.length})</summary>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Why</th>
              <th scope="col">Grade</th>
              <th scope="col">Days left</th>
              <th scope="col">Seen unchanged until</th>
            </tr>
          </thead>
          <tbody>
            {points.length ? null : (
              <tr>
                <td colSpan={5} className="text-slate-600 dark:text-slate-400">
                  No scan has finished yet; the first one is queued when a domain is added.
                </td>
              </tr>
            )}
            {[...points].reverse().map((point) => (
              <tr key={point.at.toISOString()}>
                <td>
                  <RelativeTime at={point.at} exact />
                </td>
                <td>{triggerLabels[point.trigger]}</td>
                <td>{result(point)}</td>
                <td>{point.daysLeft ?? "–"}</td>
                <td>
                  <RelativeTime at={point.seenUntil} exact never="–" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {addresses.length > 1 ? (
        <div>
          <h3 className="mb-1 font-medium">Per address</h3>
          <ul className="text-sm">
            {addresses.map((address) => (
              <li key={address.ip} className="font-mono">
                {address.ip}: {address.errorCode ?? (address.grade ? gradeFromDb[address.grade] : "–")}{" "}
                {address.fingerprint ? `(${address.fingerprint.slice(0, 16)}…)` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="mb-1 font-medium">Certificate changes</h3>
        {changes.length ? (
          <ol className="space-y-1 text-sm">
            {changes.map((change, index) => {
              // Newest first: the change before this one in time is the next entry.
              const introduced = changes[index + 1]?.createdAt;
              return (
                <li key={change.id}>
                  <RelativeTime at={change.createdAt} />: now {change.newIssuer}, valid until{" "}
                  <RelativeTime at={change.newNotAfter} exact />
                  {change.oldNotAfter
                    ? ` (renewed ${introduced ? `after serving ${describeSpan(change.createdAt.getTime() - introduced.getTime())}, ` : ""}with ${describeSpan(change.oldNotAfter.getTime() - change.createdAt.getTime())} of the old one left)`
                    : " (first certificate seen)"}
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No certificate change seen yet. Each renewal or replacement of the served certificate is listed
            here, with how long the old one served and how much of it was left.
          </p>
        )}
      </div>
    </section>
  );
}
