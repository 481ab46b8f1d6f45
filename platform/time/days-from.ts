import { chinaInstant } from '../../core/time/china-time.ts';

/** The calendar date `days` after (or before, when negative) `isoDate` (YYYY-MM-DD). */
export function daysFrom(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** An ISO instant for 09:00 China time on `isoDate`: dated events happen during office hours. */
export function officeHoursInstant(isoDate: string): string {
  return chinaInstant(isoDate, '09:00:00').toISOString();
}
