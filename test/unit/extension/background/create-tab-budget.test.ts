import { describe, expect, it } from 'vitest';
import { createTabBudget } from '../../../../extension/background/create-tab-budget.ts';

const codes = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `C${String(from + i).padStart(5, '0')}`);

describe('createTabBudget', () => {
  it('returns every code as admitted up to the limit, then holds the rest and pauses the tab', () => {
    const budget = createTabBudget({ limit: () => 500, now: () => 0 });
    expect(budget.admit(1, 0, codes(300)).held).toEqual([]);
    const second = budget.admit(1, 3, codes(300, 300));
    expect(second.admitted).toHaveLength(200);
    expect(second.held).toEqual(codes(100, 500));
    expect(budget.pause(1)).toEqual({ held: 100, limit: 500 });
    expect(budget.pause(2)).toBeNull();
  });

  it('returns codes already answered as admitted while paused, and holds every new one', () => {
    const budget = createTabBudget({ limit: () => 2, now: () => 0 });
    budget.admit(1, 0, ['A', 'B', 'C']);
    expect(budget.admit(1, 0, ['A', 'D'])).toEqual({ admitted: ['A'], held: ['D'] });
  });

  it('returns no pause when the codes come slower than the limit per minute', () => {
    let t = 0;
    const budget = createTabBudget({ limit: () => 500, now: () => t });
    for (let minute = 0; minute < 5; minute++) {
      t = minute * 61_000;
      expect(budget.admit(1, 0, codes(400, minute * 400)).held).toEqual([]);
    }
    expect(budget.pause(1)).toBeNull();
  });

  it('returns the held codes per frame on resume, and counts a new minute from then', () => {
    const budget = createTabBudget({ limit: () => 2, now: () => 0 });
    budget.admit(1, 0, ['A', 'B', 'C']);
    budget.admit(1, 4, ['D']);
    expect(budget.resume(1)).toEqual(
      new Map([
        [0, ['C']],
        [4, ['D']],
      ]),
    );
    expect(budget.pause(1)).toBeNull();
    expect(budget.admit(1, 0, ['C', 'E', 'F', 'G'])).toEqual({ admitted: ['C', 'E', 'F'], held: ['G'] });
  });

  it('keeps tabs apart and forgets a dropped tab', () => {
    const budget = createTabBudget({ limit: () => 1, now: () => 0 });
    budget.admit(1, 0, ['A', 'B']);
    expect(budget.admit(2, 0, ['A']).held).toEqual([]);
    budget.drop(1);
    expect(budget.pause(1)).toBeNull();
  });

  it('returns a tab paused again at once when a page reloads itself to start afresh', () => {
    const budget = createTabBudget({ limit: () => 2, now: () => 0 });
    budget.admit(1, 0, ['A', 'B', 'C']);
    budget.navigated(1);
    expect(budget.pause(1)).toBeNull();
    expect(budget.admit(1, 0, ['D'])).toEqual({ admitted: [], held: ['D'] });
  });
});
