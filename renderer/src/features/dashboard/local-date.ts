// Dates as the plan data keeps them: calendar days `YYYY-MM-DD`, with no time zone. "Today" is
// the reader's local calendar day (what the wall calendar says), not the UTC one (localDay,
// shared/text/printed-date.ts).

/** A `YYYY-MM-DD` day as a Date at UTC midnight (format it with timeZone 'UTC' so it never shifts). */
export function utcDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000);
}
