const DAY = 86_400_000;

/** Whole days until `date` (negative once past), as the scanner counts them. */
export const daysUntil = (date: Date) => Math.floor((date.getTime() - Date.now()) / DAY);

export function daysLeftLabel(notAfter: Date | null): string {
  if (!notAfter) return "–";
  const days = daysUntil(notAfter);
  if (days < 0) return `expired ${-days} d ago`;
  return `${days} d`;
}
