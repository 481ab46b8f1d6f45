/**
 * List dates are China calendar days (`YYYY-MM-DD`); the snapshot carries them as day numbers
 * (days since 1970-01-01) in 16 bits, so one date costs two bytes and compares as an integer.
 */
export const FOREVER_DAY = 0xffff;

/** The day number of a `YYYY-MM-DD` date (no time zone: the date is already a China date). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dayDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
