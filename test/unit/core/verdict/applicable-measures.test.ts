import { describe, expect, it } from 'vitest';
import { applicableMeasures } from '../../../../core/verdict/applicable-measures.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeMeasure } from '../fixtures/make-measure.ts';
import { makeStatusResult } from '../fixtures/make-status-result.ts';

const now = new Date('2026-03-01T02:00:00.000Z');
const verdictOf = (entries: ReturnType<typeof makeEntry>[]) => computeVerdict({ result: makeStatusResult({ entries, asOf: now.toISOString() }), now });

const catalogue = [
  makeMeasure({ id: 'p-procure', contexts: ['procurement'] }),
  makeMeasure({ id: 'p-court', categories: ['失信被执行人'], contexts: ['procurement', 'funding'] }),
  makeMeasure({ id: 'p-tax', categories: ['偷逃税'], contexts: ['procurement'] }),
  makeMeasure({ id: 'p-any', contexts: ['general'] }),
  makeMeasure({ id: 'p-licence', contexts: ['licensing'] }),
  makeMeasure({ id: 'r-green', list: 'red', kind: 'reward', contexts: ['approval', 'procurement'] }),
];

describe('applicableMeasures', () => {
  it('returns the black measures whose category and context match', () => {
    const got = applicableMeasures(verdictOf([makeEntry()]), catalogue, 'procurement');
    expect(got.map((m) => [m.measure.id, m.suspended])).toEqual([
      ['p-procure', false],
      ['p-court', false],
      ['p-any', false],
    ]);
  });

  it('returns every context when the check is general', () => {
    const got = applicableMeasures(verdictOf([makeEntry()]), catalogue, 'general');
    expect(got.map((m) => m.measure.id)).toEqual(['p-procure', 'p-court', 'p-any', 'p-licence']);
  });

  it('flags measures of a disputed entry as suspended', () => {
    const got = applicableMeasures(verdictOf([makeEntry({ state: 'disputed' })]), catalogue, 'funding');
    expect(got.map((m) => [m.measure.id, m.suspended])).toEqual([
      ['p-court', true],
      ['p-any', true],
    ]);
  });

  it('suspends red rewards when black wins', () => {
    const got = applicableMeasures(verdictOf([makeEntry({ list: 'red', category: '守信' }), makeEntry()]), catalogue, 'approval');
    expect(got.map((m) => [m.measure.id, m.suspended])).toEqual([
      ['p-any', false],
      ['r-green', true],
    ]);
  });

  it('returns red rewards unsuspended for a red-only subject', () => {
    const got = applicableMeasures(verdictOf([makeEntry({ list: 'red', category: '守信' })]), catalogue, 'approval');
    expect(got.map((m) => [m.measure.id, m.suspended])).toEqual([['r-green', false]]);
  });

  it('de-duplicates by measure id, preferring the entry in force', () => {
    const got = applicableMeasures(verdictOf([makeEntry({ state: 'disputed' }), makeEntry()]), catalogue, 'procurement');
    expect(got.filter((m) => m.measure.id === 'p-procure')).toHaveLength(1);
    expect(got.find((m) => m.measure.id === 'p-procure')?.suspended).toBe(false);
  });

  it('returns nothing for expired, exited or monitored entries', () => {
    const v = verdictOf([makeEntry({ state: 'exited', monitoringUntil: '2026-12-31' }), makeEntry({ state: 'expired' })]);
    expect(v.kind).toBe('watch');
    expect(applicableMeasures(v, catalogue, 'general')).toEqual([]);
  });
});
