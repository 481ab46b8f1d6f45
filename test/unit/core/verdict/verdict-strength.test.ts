import { describe, expect, it } from 'vitest';
import { countByLook, verdictRank } from '../../../../core/verdict/verdict-strength.ts';

describe('countByLook', () => {
  it('counts kinds present, most urgent first', () => {
    const items = [{ kind: 'clear' }, { kind: 'black' }, { kind: 'clear' }, { kind: 'unknown' }] as const;
    expect(countByLook(items)).toEqual([
      { look: 'black', count: 1 },
      { look: 'unknown', count: 1 },
      { look: 'clear', count: 2 },
    ]);
  });

  it('counts a clear from the public lists alone apart from the full clear, never inside it', () => {
    const items = [{ kind: 'clear', look: 'public' }, { kind: 'clear', look: 'clear' }, { kind: 'clear', look: 'public' }, { kind: 'black' }] as const;
    expect(countByLook(items)).toEqual([
      { look: 'black', count: 1 },
      { look: 'clear', count: 1 },
      { look: 'public', count: 2 },
    ]);
  });

  it('returns nothing for no items', () => {
    expect(countByLook([])).toEqual([]);
  });
});

describe('verdictRank', () => {
  it('puts a failed check before clear, so it never reads as clear', () => {
    expect(verdictRank('unknown')).toBeLessThan(verdictRank('clear'));
    expect(verdictRank('black')).toBe(0);
  });
});
