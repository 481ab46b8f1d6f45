import { describe, expect, it } from 'vitest';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import type { Verdict } from '../../../../core/verdict/verdict-types.ts';
import { mergeSnapshotVerdict } from '../../../../core/snapshot/merge-snapshot-verdict.ts';
import { makeStatusResult } from '../../core/fixtures/make-status-result.ts';

const verdict = (kind: Verdict['kind'], extra: Partial<Verdict> = {}): Verdict => ({
  kind,
  reason: { code: kind === 'black' ? 'black-active' : kind === 'unknown' ? 'error' : 'nothing-active' },
  activeEntries: [],
  disputedEntries: [],
  watchEntries: [],
  suspendedRed: false,
  asOf: null,
  ageMs: null,
  stale: false,
  ...extra,
});
const answered = (v: Verdict): CodeVerdict => ({ ...v, result: makeStatusResult() });
const failed: CodeVerdict = { ...verdict('unknown', { reason: { code: 'error', errorKind: 'offline' } }), result: null };
const failedAs = (errorKind: NonNullable<Verdict['reason']['errorKind']>): CodeVerdict => ({
  ...verdict('unknown', { reason: { code: 'error', errorKind } }),
  result: null,
});
const failedWithAnswer: CodeVerdict = {
  ...verdict('unknown', { reason: { code: 'error', errorKind: 'offline' }, lastKnown: 'red' }),
  result: makeStatusResult(),
};
const snapshotBlack = verdict('black', { reason: { code: 'black-active', detail: 'snapshot' } });
const snapshotPast = verdict('unknown', { reason: { code: 'error', errorKind: 'offline', detail: '据 14:30 名单快照：未列入' }, lastKnown: 'clear' });

describe('mergeSnapshotVerdict', () => {
  it.each([
    ['a current full answer wins over the snapshot', answered(verdict('clear')), snapshotBlack, 'clear', undefined],
    ['the snapshot answers before the full answer', null, snapshotBlack, 'black', undefined],
    ['the snapshot answers while the platform fails inside the window', failed, snapshotBlack, 'black', undefined],
    ['a failed refresh of a full answer keeps its own rule (unknown, last answer)', failedWithAnswer, snapshotBlack, 'unknown', 'red'],
    ['past the window, the full answer is the last known one', failedWithAnswer, snapshotPast, 'unknown', 'red'],
    ['past the window without a full answer, the snapshot is the last known one', failed, snapshotPast, 'unknown', 'clear'],
    ['no snapshot: the store as it is', failed, null, 'unknown', undefined],
    ['the platform said it cannot answer this code (a per-code error): unknown, not the snapshot', failedAs('schema'), snapshotBlack, 'unknown', undefined],
    ['the platform refused the token: unknown, not the snapshot', failedAs('auth'), snapshotBlack, 'unknown', undefined],
    ['no permission: unknown, not the snapshot', failedAs('permission'), snapshotBlack, 'unknown', undefined],
    ['the platform timed out: the snapshot answers within the window', failedAs('timeout'), snapshotBlack, 'black', undefined],
  ])('%s', (_, stored, snapshot, kind, lastKnown) => {
    const merged = mergeSnapshotVerdict(stored, snapshot);
    expect(merged?.kind).toBe(kind);
    expect(merged?.lastKnown).toBe(lastKnown);
  });
});
