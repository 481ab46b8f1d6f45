import { describe, expect, it } from 'vitest';
import { CHINA_HOLIDAY_NOTICES } from '../../../../platform/holidays/china-holiday-notices.ts';
import { workingDayCalendar } from '../../../../platform/holidays/working-day-calendar.ts';

const calendar = workingDayCalendar();

describe('workingDayCalendar', () => {
  it.each([
    ['2026-02-13', true, 'a Friday before the Spring Festival'],
    ['2026-02-14', true, 'a Saturday worked (调休上班)'],
    ['2026-02-16', false, 'a Monday of the Spring Festival'],
    ['2026-02-23', false, 'the last day of the Spring Festival'],
    ['2026-02-28', true, 'a Saturday worked after it'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-03-09', true, 'an ordinary Monday'],
    ['2026-10-08', true, 'the Thursday after National Day'],
    ['2026-10-10', true, 'the Saturday worked after National Day'],
    ['2026-10-07', false, 'the last day of National Day'],
    ['2025-01-26', true, 'a Sunday worked in 2025'],
    ['2025-10-08', false, 'the 8th, off in 2025 (National Day with Mid-Autumn)'],
    ['2025-05-05', false, 'a Monday of Labour Day 2025'],
  ])('returns %s working = %s for %s', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('returns the 5th working day after a check across National Day 2026, counting the Saturday worked', () => {
    // 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat worked (3), 10-12 Mon (4), 10-13 Tue (5)
    expect(calendar.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
  });

  it('returns the 2nd working day after a check across the Spring Festival 2026', () => {
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('returns Monday to Friday, and covers() false, in a year without a notice', () => {
    expect(calendar.coveredYears).toEqual([2025, 2026]);
    expect(calendar.covers('2026-12-31')).toBe(true);
    expect(calendar.covers('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // a Friday: the 2027 notice is not transcribed
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false);
  });

  it('returns each notice with its source and year', () => {
    for (const notice of CHINA_HOLIDAY_NOTICES) {
      expect(notice.source).toContain(`国务院办公厅关于${notice.year}年部分节假日安排的通知`);
      for (const h of notice.holidays) expect(h.from.slice(0, 4)).toBe(String(notice.year));
      for (const d of notice.workdays) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });
});
