/** CA/Browser Forum maximum validity (days) by issue date (ballot SC-081). */
export const lifetimeLimits: { from: string; maxDays: number }[] = [
  { from: "2029-03-15", maxDays: 47 },
  { from: "2027-03-15", maxDays: 100 },
  { from: "2026-03-15", maxDays: 200 },
  { from: "1970-01-01", maxDays: 398 },
];

export function maxLifetimeDays(issuedAt: Date): number {
  return (
    lifetimeLimits.find((limit) => issuedAt >= new Date(`${limit.from}T00:00:00Z`)) ?? lifetimeLimits.at(-1)!
  ).maxDays;
}
