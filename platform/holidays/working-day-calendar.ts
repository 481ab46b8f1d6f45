import { daysFrom } from '../time/days-from.ts';
import { CHINA_HOLIDAY_NOTICES, type HolidayNotice } from './china-holiday-notices.ts';

/** Which days are working days in China, from the published holiday notices. */
export interface WorkingDayCalendar {
  /** The years whose notice the calendar holds. */
  coveredYears: readonly number[];
  /** True when the year of `date` (YYYY-MM-DD) has a notice; otherwise `isWorkingDay` is Monday–Friday. */
  covers(date: string): boolean;
  isWorkingDay(date: string): boolean;
  /** The `n`-th working day after `date` (n ≥ 1; `date` itself never counts). */
  addWorkingDays(date: string, n: number): string;
  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: string, to: string): number;
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Builds the calendar from notices (default: the ones transcribed in china-holiday-notices.ts). */
export function workingDayCalendar(notices: readonly HolidayNotice[] = CHINA_HOLIDAY_NOTICES): WorkingDayCalendar {
  const years = new Set(notices.map((n) => n.year));
  const off = new Set<string>();
  const on = new Set<string>();
  for (const notice of notices) {
    for (const { from, to } of notice.holidays) for (let d = from; d <= to; d = daysFrom(d, 1)) off.add(d);
    for (const d of notice.workdays) on.add(d);
  }
  const isWorkingDay = (date: string) => {
    if (on.has(date)) return true;
    if (off.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  };
  return {
    coveredYears: [...years].sort(),
    covers: (date) => years.has(Number(date.slice(0, 4))),
    isWorkingDay,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`addWorkingDays needs n >= 1, got ${n}`);
      let d = date;
      for (let left = n; left > 0;) {
        d = daysFrom(d, 1);
        if (isWorkingDay(d)) left--;
      }
      return d;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = daysFrom(from, 1); d <= to; d = daysFrom(d, 1)) if (isWorkingDay(d)) count++;
      return count;
    },
  };
}
