import { describe, expect, it } from 'vitest';
import { countByVerdict, verdictRank } from '../../../../core/verdict/verdict-strength.ts';

describe('countByVerdict', () => {
  it('counts kinds present, most urgent first', () => {
    const items = [{ kind: 'clear' }, { kind: 'black' }, { kind: 'clear' }, { kind: 'unknown' }] as const;
    expect(countByVerdict(items)).toEqual([
      { kind: 'black', count: 1 },
      { kind: 'unknown', count: 1 },
      { kind: 'clear', count: 2 },
    ]);
  });

  it('returns nothing for no items', () => {
    expect(countByVerdict([])).toEqual([]);
  });
});

describe('verdictRank', () => {
  it('puts a failed check before clear, so it never reads as clear', () => {
    expect(verdictRank('unknown')).toBeLessThan(verdictRank('clear'));
    expect(verdictRank('black')).toBe(0);
  });
});
