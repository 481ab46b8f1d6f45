import { describe, expect, it } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { suspectVerdict } from '../../../../core/verdict/suspect-verdict.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult } from '../fixtures/make-status-result.ts';

const now = new Date('2026-03-01T02:00:00.000Z');
const asOf = now.toISOString();
const FRESH = 5 * 60_000;

describe('suspectVerdict', () => {
  it.each([
    ['a clean answer for a code the platform knows', makeStatusResult({ asOf, found: true }), null, 'clear', 'suspect-code'],
    ['a clean answer for a code the platform does not know', makeStatusResult({ asOf, found: false }), null, 'invalid', 'suspect-not-found'],
    ['a black answer', makeStatusResult({ asOf, found: true, entries: [makeEntry({ list: 'black' })] }), null, 'black', 'black-active'],
    ['a failed refresh of an unknown code', makeStatusResult({ asOf, found: false }), new CreditError('offline', 'down'), 'unknown', 'error'],
  ])('returns the verdict for %s', (_what, result, error, kind, reason) => {
    const stored = computeVerdict({ result, error, now, freshnessMs: FRESH });
    const verdict = suspectVerdict(stored, result, now, FRESH);
    expect([verdict.kind, verdict.reason.code]).toEqual([kind, reason]);
  });

  it('returns the last answer of a failed refresh as the suspect code would have shown it, never clear', () => {
    const result = makeStatusResult({ asOf, found: false });
    const stored = computeVerdict({ result, error: new CreditError('timeout', 'slow'), now, freshnessMs: FRESH });
    expect(stored.lastKnown).toBe('clear');
    expect(suspectVerdict(stored, result, now, FRESH).lastKnown).toBe('invalid');
  });
});
