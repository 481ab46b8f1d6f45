import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../../../core/verdict/china-date.ts';

describe('chinaDate', () => {
  it.each([
    ['2026-03-01T00:00:00.000Z', '2026-03-01'],
    ['2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['2026-03-01T16:00:00.000Z', '2026-03-02'],
    ['2025-12-31T16:30:00.000Z', '2026-01-01'],
    ['2026-02-28T20:00:00.000Z', '2026-03-01'],
  ])('returns the UTC+8 date of %s', (iso, expected) => {
    expect(chinaDate(new Date(iso))).toBe(expected);
  });
});
