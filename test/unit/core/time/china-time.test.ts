import { describe, expect, it, vi } from 'vitest';
import { chinaDate, chinaDateTime, chinaDateTimeSeconds, chinaInstant } from '../../../../core/time/china-time.ts';

describe('chinaDate', () => {
  it.each([
    ['2026-03-01T00:00:00.000Z', '2026-03-01'],
    ['2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['2026-03-01T16:00:00.000Z', '2026-03-02'],
    ['2025-12-31T16:30:00.000Z', '2026-01-01'],
    ['2028-02-28T16:00:00.000Z', '2028-02-29'],
    ['0999-06-01T00:00:00.000Z', '0999-06-01'],
  ])('returns the China date of %s', (iso, expected) => {
    expect(chinaDate(new Date(iso))).toBe(expected);
  });

  it('throws a RangeError for a Date that is not a time', () => {
    expect(() => chinaDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('chinaDateTime', () => {
  it.each([
    ['2026-03-01T02:00:00.000Z', '2026-03-01 10:00'],
    ['2026-03-01T16:30:59.000Z', '2026-03-02 00:30'],
    ['2026-03-01T15:59:00.000Z', '2026-03-01 23:59'],
  ])('returns China time to the minute for %s, with 00 for midnight', (iso, expected) => {
    expect(chinaDateTime(new Date(iso))).toBe(expected);
  });
});

describe('chinaDateTimeSeconds', () => {
  it.each([
    ['2026-03-15T02:04:05.000Z', '2026-03-15 10:04:05'],
    ['2026-03-15T16:00:00.999Z', '2026-03-16 00:00:00'],
  ])('returns China time to the second for %s', (iso, expected) => {
    expect(chinaDateTimeSeconds(new Date(iso))).toBe(expected);
  });
});

describe('chinaInstant', () => {
  it.each([
    ['2026-03-01', undefined, '2026-02-28T16:00:00.000Z'],
    ['2026-03-01', '12:00:00', '2026-03-01T04:00:00.000Z'],
    ['2026-01-01', '23:59:59', '2026-01-01T15:59:59.000Z'],
  ])('returns the instant China clocks show %s %s', (date, time, iso) => {
    expect(chinaInstant(date, time).toISOString()).toBe(iso);
  });

  it('returns an instant that chinaDateTimeSeconds shows as the same wall clock', () => {
    expect(chinaDateTimeSeconds(chinaInstant('2026-07-04', '08:09:10'))).toBe('2026-07-04 08:09:10');
  });

  it('throws a RangeError for text that is not a date', () => {
    expect(() => chinaInstant('not-a-date')).toThrow(RangeError);
  });
});

describe('china-time formatter', () => {
  it('returns every date and time from one Intl.DateTimeFormat, made on first use', async () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    } as typeof Real;
    try {
      vi.resetModules();
      const fresh = await import('../../../../core/time/china-time.ts');
      expect(made).toBe(0);
      for (let i = 0; i < 50; i++) {
        expect(fresh.chinaDate(new Date(Date.UTC(2026, 0, 1, i)))).toMatch(/^2026-01-0[1-3]$/);
        fresh.chinaDateTime(new Date(i * 3_600_000));
        fresh.chinaInstant('2026-03-01');
      }
      expect(made).toBe(1);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });
});
