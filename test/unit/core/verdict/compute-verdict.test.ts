import { describe, expect, it } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { ListEntry } from '../../../../core/api/list-entry-schema.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import type { VerdictKind } from '../../../../core/verdict/verdict-types.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult } from '../fixtures/make-status-result.ts';

// 2026-03-01T02:00Z is 10:00 on 2026-03-01 in China.
const now = new Date('2026-03-01T02:00:00.000Z');
const asOf = now.toISOString();
const pending = { id: 'o-1', status: 'pending' as const, filedAt: '2026-02-20T01:00:00.000Z', resolvedAt: null };

const black = (o: Partial<ListEntry> = {}) => makeEntry({ list: 'black', ...o });
const red = (o: Partial<ListEntry> = {}) => makeEntry({ list: 'red', category: '纳税信用A级纳税人', ...o });

describe('computeVerdict', () => {
  it.each<[string, ListEntry[], VerdictKind, string]>([
    ['an active black entry', [black()], 'black', 'black-active'],
    ['a black entry valid until today', [black({ validUntil: '2026-03-01' })], 'black', 'black-active'],
    ['an active black entry past validUntil (stored state lags)', [black({ validUntil: '2026-02-28' })], 'clear', 'nothing-active'],
    ['an expired black entry', [black({ state: 'expired' })], 'clear', 'nothing-active'],
    ['an exited black entry without monitoring', [black({ state: 'exited' })], 'clear', 'nothing-active'],
    ['a revoked black entry', [black({ state: 'revoked' })], 'clear', 'nothing-active'],
    ['a revoked black entry even with a monitoring date', [black({ state: 'revoked', monitoringUntil: '2026-12-31' })], 'clear', 'nothing-active'],
    ['a black entry under objection', [black({ state: 'disputed', objection: pending })], 'disputed', 'black-disputed'],
    ['a disputed black entry past its validity', [black({ state: 'disputed', validUntil: '2026-01-01' })], 'clear', 'nothing-active'],
    ['one disputed and one active black entry', [black({ state: 'disputed' }), black()], 'black', 'black-active'],
    ['one disputed and one expired black entry', [black({ state: 'disputed' }), black({ state: 'expired' })], 'disputed', 'black-disputed'],
    ['an active red entry', [red()], 'red', 'red-active'],
    ['an active red entry past validUntil', [red({ validUntil: '2025-12-31' })], 'clear', 'nothing-active'],
    ['a disputed red entry (incentives held, never "not listed")', [red({ state: 'disputed' })], 'disputed', 'red-disputed'],
    ['a disputed red entry beside an active red one', [red({ state: 'disputed' }), red()], 'red', 'red-active'],
    [
      'a disputed red entry and a monitored exit',
      [red({ state: 'disputed' }), black({ state: 'exited', monitoringUntil: '2026-06-30' })],
      'disputed',
      'red-disputed',
    ],
    ['a black entry listed tomorrow (not yet in force)', [black({ listedOn: '2026-03-02' })], 'clear', 'nothing-active'],
    ['a black entry listed today', [black({ listedOn: '2026-03-01' })], 'black', 'black-active'],
    ['a red entry listed next month', [red({ listedOn: '2026-04-01' })], 'clear', 'nothing-active'],
    ['a disputed black entry listed in the future', [black({ state: 'disputed', listedOn: '2026-05-01' })], 'clear', 'nothing-active'],
    ['a future black entry beside an active red one', [black({ listedOn: '2026-03-02' }), red()], 'red', 'red-active'],
    ['active black and active red (black wins)', [red(), black()], 'black', 'black-active'],
    ['disputed black and active red', [black({ state: 'disputed' }), red()], 'disputed', 'black-disputed'],
    ['an exited black entry still monitored', [black({ state: 'exited', monitoringUntil: '2026-06-30' })], 'watch', 'monitoring'],
    ['an exited black entry monitored until today', [black({ state: 'exited', monitoringUntil: '2026-03-01' })], 'watch', 'monitoring'],
    ['an exited black entry whose monitoring ended', [black({ state: 'exited', monitoringUntil: '2026-02-28' })], 'clear', 'nothing-active'],
    ['an expired (by date) black entry still monitored', [black({ validUntil: '2026-02-01', monitoringUntil: '2026-08-01' })], 'watch', 'monitoring'],
    ['an active red entry and a monitored exit', [red(), black({ state: 'exited', monitoringUntil: '2026-06-30' })], 'red', 'red-active'],
    ['no entries', [], 'clear', 'nothing-active'],
  ])('returns the right verdict for %s', (_name, entries, kind, reason) => {
    const v = computeVerdict({ result: makeStatusResult({ entries, asOf }), now });
    expect(v.kind).toBe(kind);
    expect(v.reason.code).toBe(reason);
    expect(v.stale).toBe(false);
  });

  it('suspends red incentives only when an active black entry wins', () => {
    const both = computeVerdict({ result: makeStatusResult({ entries: [red(), black()], asOf }), now });
    expect(both.suspendedRed).toBe(true);
    expect(both.activeEntries.map((e) => e.list).sort()).toEqual(['black', 'red']);
    const disputed = computeVerdict({ result: makeStatusResult({ entries: [red(), black({ state: 'disputed' })], asOf }), now });
    expect(disputed.suspendedRed).toBe(false);
    expect(disputed.disputedEntries).toHaveLength(1);
  });

  it('uses the China date: 23:30 UTC is already the next day in China', () => {
    const entry = black({ validUntil: '2026-03-01' });
    const lateUtc = new Date('2026-03-01T17:00:00.000Z'); // 01:00 on 2026-03-02 in China
    const v = computeVerdict({ result: makeStatusResult({ entries: [entry], asOf: lateUtc.toISOString() }), now: lateUtc });
    expect(v.kind).toBe('clear');
  });

  it.each<[string, Partial<Parameters<typeof makeStatusResult>[0]>, boolean, VerdictKind, string]>([
    ['not found', { found: false, subject: null }, false, 'clear', 'not-found'],
    ['invalid', { invalid: true, found: false, subject: null }, false, 'invalid', 'invalid-code'],
    ['suspect but clean', {}, true, 'clear', 'suspect-code'],
    ['suspect and unknown to the platform (never clear)', { found: false, subject: null }, true, 'invalid', 'suspect-not-found'],
    ['suspect, unknown, public scope', { found: false, subject: null, scope: 'public' }, true, 'invalid', 'suspect-not-found'],
    ['suspect but black', { entries: [black()] }, true, 'black', 'black-active'],
    ['public-only and clean', { scope: 'public' }, false, 'clear', 'nothing-active-public'],
    ['public-only but black', { scope: 'public', entries: [black()] }, false, 'black', 'black-active'],
    ['full and clean', { scope: 'full' }, false, 'clear', 'nothing-active'],
  ])('returns %s answers as the platform gave them', (_n, overrides, suspect, kind, reason) => {
    const v = computeVerdict({ result: makeStatusResult({ asOf, ...overrides }), now, suspect });
    expect([v.kind, v.reason.code]).toEqual([kind, reason]);
  });

  it.each<[string, CreditError, string]>([
    ['offline', new CreditError('offline', 'x'), 'offline'],
    ['timeout', new CreditError('timeout', 'x'), 'timeout'],
    ['5xx', new CreditError('http', 'x', { status: 503 }), 'http'],
    ['4xx', new CreditError('http', 'x', { status: 400, apiCode: 'bad_request' }), 'http'],
    ['schema', new CreditError('schema', 'x'), 'schema'],
    ['401', new CreditError('auth', 'x', { status: 401 }), 'auth'],
    ['403', new CreditError('auth', 'x', { status: 403, apiCode: 'forbidden' }), 'permission'],
    ['aborted', new CreditError('aborted', 'x'), 'aborted'],
  ])('returns unknown, never clear, on a %s error without a cached answer', (_n, error, errorKind) => {
    const v = computeVerdict({ result: null, error, now });
    expect(v).toMatchObject({ kind: 'unknown', reason: { code: 'error', errorKind }, asOf: null, ageMs: null });
  });

  it('returns unknown for a null result without an error', () => {
    expect(computeVerdict({ result: null, now }).kind).toBe('unknown');
  });

  it('marks an old answer stale with its age but keeps the verdict', () => {
    const old = new Date(now.getTime() - 6 * 60_000).toISOString();
    const v = computeVerdict({ result: makeStatusResult({ asOf: old }), now });
    expect(v).toMatchObject({ kind: 'clear', stale: true, ageMs: 360_000, asOf: old });
    const fresh = computeVerdict({ result: makeStatusResult({ asOf: old }), now, freshnessMs: 10 * 60_000 });
    expect(fresh.stale).toBe(false);
  });

  it('turns a cached listed verdict into unknown after a failed refresh, keeping what it said and its entries', () => {
    const v = computeVerdict({ result: makeStatusResult({ entries: [black()], asOf }), error: new CreditError('timeout', 'x'), now });
    expect(v).toMatchObject({ kind: 'unknown', lastKnown: 'black', stale: true, reason: { code: 'error', errorKind: 'timeout' } });
    expect(v.activeEntries).toHaveLength(1);
  });

  it('turns a cached clear into unknown after a failed refresh, keeping its age', () => {
    const v = computeVerdict({ result: makeStatusResult({ asOf }), error: new CreditError('offline', 'x'), now });
    expect(v).toMatchObject({ kind: 'unknown', lastKnown: 'clear', stale: true, ageMs: 0, reason: { code: 'error', errorKind: 'offline' } });
  });
});
