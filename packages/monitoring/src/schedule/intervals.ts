import type { Domain, Team } from "@port443/db";

type Intervals = Pick<Domain, "scanIntervalSeconds" | "watchIntervalSeconds">;
type TeamIntervals = Pick<Team, "defaultScanIntervalSeconds" | "defaultWatchIntervalSeconds">;

/** Between deep scans: the domain's own interval, else its team's. */
export const deepIntervalMs = (domain: Intervals, team: TeamIntervals) =>
  (domain.scanIntervalSeconds ?? team.defaultScanIntervalSeconds) * 1000;

/**
 * Between watch probes: the domain's, else its team's, never below the deployment's minimum (an
 * interval saved under a higher minimum, or a team default, is raised to it here).
 */
export const watchIntervalMs = (domain: Intervals, team: TeamIntervals, minimumSeconds: number) =>
  Math.max(domain.watchIntervalSeconds ?? team.defaultWatchIntervalSeconds, minimumSeconds) * 1000;
