import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../../../core/api/list-entry-schema.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { pageReadableKind, pageReadableLook } from '../../../../core/verdict/page-readable-kind.ts';
import type { VerdictKind } from '../../../../core/verdict/verdict-types.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult } from '../fixtures/make-status-result.ts';

const now = new Date('2026-03-01T02:00:00.000Z');
const pending = { id: 'o-1', status: 'pending' as const, filedAt: '2026-02-01T00:00:00.000Z', resolvedAt: null };
const internal = (o: Partial<ListEntry> = {}) => makeEntry({ visibility: 'internal', ...o });
const published = (o: Partial<ListEntry> = {}) => makeEntry({ visibility: 'public', ...o });

describe('pageReadableKind', () => {
  it.each<[string, ListEntry[], VerdictKind, VerdictKind]>([
    ['an internal-only black entry', [internal()], 'black', 'pending'],
    ['a public black entry', [published()], 'black', 'black'],
    ['public and internal black entries', [internal(), published()], 'black', 'black'],
    ['an internal black entry beside a public red one', [internal(), published({ list: 'red' })], 'black', 'pending'],
    ['an internal red entry', [internal({ list: 'red' })], 'red', 'pending'],
    ['an internal disputed black entry', [internal({ state: 'disputed', objection: pending })], 'disputed', 'pending'],
    ['an internal disputed red entry', [internal({ list: 'red', state: 'disputed', objection: pending })], 'disputed', 'pending'],
    ['a public disputed red entry', [published({ list: 'red', state: 'disputed', objection: pending })], 'disputed', 'disputed'],
    ['an internal monitored exit', [internal({ state: 'exited', monitoringUntil: '2026-12-31' })], 'watch', 'pending'],
    ['an internal expired entry only', [internal({ state: 'expired' })], 'clear', 'clear'],
    ['no entries', [], 'clear', 'clear'],
  ])('returns what the page may see for %s', (_what, entries, kind, shown) => {
    const verdict = computeVerdict({ result: makeStatusResult({ entries, asOf: now.toISOString() }), now });
    expect(verdict.kind).toBe(kind);
    expect(pageReadableKind(verdict)).toBe(shown);
  });
});

describe('pageReadableLook', () => {
  const verdictOf = (entries: ListEntry[], scope?: 'public' | 'full') =>
    computeVerdict({ result: { ...makeStatusResult({ entries, asOf: now.toISOString() }), ...(scope ? { scope } : {}) }, now });

  it('paints a clear from the public lists alone (no token) as public, never as clear', () => {
    const verdict = verdictOf([], 'public');
    expect(verdict.kind).toBe('clear');
    expect(pageReadableLook(verdict)).toBe('public');
  });

  it('paints the platform’s full clear as clear', () => {
    expect(pageReadableLook(verdictOf([], 'full'))).toBe('clear');
    expect(pageReadableLook(verdictOf([]))).toBe('clear');
  });

  it('paints a public black entry black, from the public lists alone too', () => {
    expect(pageReadableLook(verdictOf([published()], 'public'))).toBe('black');
  });

  it('still paints a verdict resting on internal-only entries as pending', () => {
    expect(pageReadableLook(verdictOf([internal()], 'full'))).toBe('pending');
    expect(pageReadableLook(verdictOf([internal({ list: 'red' })]))).toBe('pending');
  });
});
