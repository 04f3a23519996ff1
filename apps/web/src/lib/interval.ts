/** Monitoring intervals as the dashboard reads and edits them: whole minutes, hours or days. */

export const intervalUnits = [
  { seconds: 86_400, unit: "day" },
  { seconds: 3_600, unit: "hour" },
  { seconds: 60, unit: "minute" },
] as const;

/** The largest unit the interval is a whole number of (seconds when none is). */
export function intervalParts(seconds: number): { amount: number; unitSeconds: number } {
  const unit = intervalUnits.find((candidate) => seconds % candidate.seconds === 0);
  return unit
    ? { amount: seconds / unit.seconds, unitSeconds: unit.seconds }
    : { amount: seconds, unitSeconds: 1 };
}

/** "1 hour", "30 minutes", "7 days", "90 seconds". */
export function describeInterval(seconds: number): string {
  const { amount, unitSeconds } = intervalParts(seconds);
  const unit = intervalUnits.find((candidate) => candidate.seconds === unitSeconds)?.unit ?? "second";
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
