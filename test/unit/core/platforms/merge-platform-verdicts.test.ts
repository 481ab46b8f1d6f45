import { describe, expect, it } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { StatusResult } from '../../../../core/api/status-schema.ts';
import { entryPlatform, mergePlatformVerdicts, NO_COVERING_PLATFORM, type PlatformPart } from '../../../../core/platforms/merge-platform-verdicts.ts';
import { platformLinesText } from '../../../../core/platforms/platform-lines-text.ts';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { pendingVerdict } from '../../../../core/verdict/local-verdict.ts';
import { VerdictSchema } from '../../../../core/verdict/verdict-schema.ts';
import * as z from 'zod/mini';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult } from '../fixtures/make-status-result.ts';

const now = new Date('2026-03-01T02:00:00.000Z');
const asOf = now.toISOString();
const district = { id: 'district', name: '区平台' };
const province = { id: 'province', name: '省平台' };

const answered = (result: StatusResult): CodeVerdict => ({ ...computeVerdict({ result, now }), result });
const failed = (result: StatusResult | null = null): CodeVerdict => ({
  ...computeVerdict({ result, error: new CreditError('offline', 'down'), now }),
  result,
});
const clearAnswer = (o: Partial<StatusResult> = {}) => answered(makeStatusResult({ asOf, ...o }));
const blackEntry = (id: string) => makeEntry({ id, list: 'black' });
const redEntry = (id: string) => makeEntry({ id, list: 'red', category: '纳税信用A级纳税人' });

const merge = (parts: PlatformPart[]) => mergePlatformVerdicts(parts, { now });

describe('mergePlatformVerdicts', () => {
  it('is clear only when every covering platform answered clear just now', () => {
    const v = merge([
      { platform: district, verdict: clearAnswer() },
      { platform: province, verdict: clearAnswer() },
    ]);
    expect(v.kind).toBe('clear');
    expect(platformLinesText(v.platforms ?? [])).toBe('区平台：未列入；省平台：未列入');
  });

  it('applies core/verdict to the union: a provincial black entry beats a district red one', () => {
    const v = merge([
      { platform: district, verdict: clearAnswer({ entries: [redEntry('d-1')] }) },
      { platform: province, verdict: clearAnswer({ entries: [blackEntry('p-1')] }) },
    ]);
    expect(v.kind).toBe('black');
    expect(v.suspendedRed).toBe(true);
    expect(v.activeEntries.map((e) => e.id).sort()).toEqual(['district:d-1', 'province:p-1']);
    expect(entryPlatform(v.platforms, 'province:p-1')?.platformId).toBe('province');
    expect(entryPlatform(v.platforms, 'district:d-1')?.platformId).toBe('district');
    expect(platformLinesText(v.platforms ?? [])).toBe('区平台：红名单；省平台：黑名单');
  });

  it('keeps entries two platforms number alike apart, each owned by its platform', () => {
    const v = merge([
      { platform: district, verdict: clearAnswer({ entries: [redEntry('e-1')] }) },
      { platform: province, verdict: clearAnswer({ entries: [blackEntry('e-1')] }) },
    ]);
    expect(v.result!.entries.map((e) => e.id)).toEqual(['district:e-1', 'province:e-1']);
    expect(entryPlatform(v.platforms, 'province:e-1')?.name).toBe('省平台');
    expect(entryPlatform(v.platforms, 'district:e-1')?.name).toBe('区平台');
    expect(entryPlatform(v.platforms, 'e-1')).toBeNull();
  });

  it('applies the rules across platforms: a disputed entry on one and nothing on the other is disputed', () => {
    const disputed = makeEntry({ id: 'p-2', list: 'black', state: 'disputed' });
    const v = merge([
      { platform: district, verdict: clearAnswer() },
      { platform: province, verdict: clearAnswer({ entries: [disputed] }) },
    ]);
    expect(v.kind).toBe('disputed');
  });

  it('is unknown, never clear, when one covering platform failed, and says which answered what', () => {
    const v = merge([
      { platform: district, verdict: clearAnswer() },
      { platform: province, verdict: failed() },
    ]);
    expect(v.kind).toBe('unknown');
    expect(v.reason.errorKind).toBe('offline');
    expect(v.lastKnown).toBe('clear');
    expect(v.stale).toBe(true);
    expect(platformLinesText(v.platforms ?? [])).toBe('区平台：未列入；省平台：无法连接');
  });

  it('keeps the listing another platform holds as the last answer when one failed', () => {
    const v = merge([
      { platform: district, verdict: failed() },
      { platform: province, verdict: clearAnswer({ entries: [blackEntry('p-1')] }) },
    ]);
    expect(v.kind).toBe('unknown');
    expect(v.lastKnown).toBe('black');
    expect(v.activeEntries.map((e) => e.id)).toEqual(['province:p-1']);
  });

  it('is unknown when every covering platform failed', () => {
    const v = merge([
      { platform: district, verdict: failed() },
      { platform: province, verdict: failed() },
    ]);
    expect(v.kind).toBe('unknown');
    expect(v.result).toBeNull();
  });

  it('is pending, not clear, while one platform has not answered yet', () => {
    const v = merge([
      { platform: district, verdict: clearAnswer() },
      { platform: province, verdict: { ...pendingVerdict(), result: null } },
    ]);
    expect(v.kind).toBe('pending');
    const never = merge([
      { platform: district, verdict: clearAnswer() },
      { platform: province, verdict: null },
    ]);
    expect(never.kind).toBe('pending');
  });

  it('shows a listing while another platform is still being asked', () => {
    const v = merge([
      { platform: district, verdict: clearAnswer({ entries: [blackEntry('d-1')] }) },
      { platform: province, verdict: null },
    ]);
    expect(v.kind).toBe('black');
  });

  it('is stale when the oldest part is past the freshness window', () => {
    const old = '2026-03-01T01:00:00.000Z';
    const v = merge([
      { platform: district, verdict: clearAnswer() },
      { platform: province, verdict: answered(makeStatusResult({ asOf: old })) },
    ]);
    expect(v.kind).toBe('clear');
    expect(v.stale).toBe(true);
    expect(v.asOf).toBe(old);
  });

  it('says so, and is never clear, when no platform covers the code', () => {
    const v = merge([]);
    expect(v.kind).toBe('unknown');
    expect(v.reason.detail).toBe(NO_COVERING_PLATFORM);
    expect(platformLinesText(v.platforms ?? [])).toBe('没有平台覆盖该代码的登记地区');
  });

  it('says 无权查询 for a platform that refused the token', () => {
    const forbidden: CodeVerdict = { ...computeVerdict({ result: null, error: new CreditError('auth', 'no', { status: 403 }), now }), result: null };
    const v = merge([
      { platform: district, verdict: clearAnswer() },
      { platform: province, verdict: forbidden },
    ]);
    expect(platformLinesText(v.platforms ?? [], 'zh-CN')).toBe('区平台：未列入；省平台：无权查询');
  });

  it('gives a verdict that round-trips through the one schema', () => {
    const v = merge([
      { platform: district, verdict: clearAnswer({ entries: [redEntry('d-1')] }) },
      { platform: province, verdict: failed() },
    ]);
    const { result: _result, ...plain } = v;
    expect(z.parse(VerdictSchema, JSON.parse(JSON.stringify(plain)))).toEqual(plain);
  });

  describe('with a part answered by its platform’s list snapshot only (a class, no entries yet)', () => {
    const fromSnapshot = (kind: 'clear' | 'black' | 'red', scope: 'full' | 'public' = 'full'): CodeVerdict => ({
      kind,
      reason: {
        code: kind === 'clear' ? (scope === 'public' ? 'nothing-active-public' : 'nothing-active') : kind === 'black' ? 'black-active' : 'red-active',
        detail: 'snapshot',
      },
      activeEntries: [],
      disputedEntries: [],
      watchEntries: [],
      suspendedRed: false,
      asOf,
      ageMs: 0,
      stale: false,
      result: null,
    });

    it('is clear when every covering platform’s snapshot says so, and says which', () => {
      const v = merge([
        { platform: district, verdict: fromSnapshot('clear') },
        { platform: province, verdict: fromSnapshot('clear') },
      ]);
      expect(v).toMatchObject({ kind: 'clear', result: null, reason: { detail: 'snapshot' } });
      expect(platformLinesText(v.platforms ?? [])).toBe('区平台：未列入；省平台：未列入');
    });

    it('looks like a clear from the public lists alone when one platform’s clear is', () => {
      const full = clearAnswer();
      for (const parts of [
        [
          { platform: district, verdict: full },
          { platform: province, verdict: fromSnapshot('clear', 'public') },
        ],
        [
          { platform: district, verdict: fromSnapshot('clear') },
          { platform: province, verdict: fromSnapshot('clear', 'public') },
        ],
      ]) {
        expect(merge(parts)).toMatchObject({ kind: 'clear', reason: { code: 'nothing-active-public' } });
      }
    });

    it('shows the most urgent answer, whether from a snapshot or a full answer', () => {
      expect(
        merge([
          { platform: district, verdict: clearAnswer({ entries: [redEntry('d-1')] }) },
          { platform: province, verdict: fromSnapshot('black') },
        ]).kind,
      ).toBe('black');
      const red = merge([
        { platform: district, verdict: clearAnswer({ entries: [redEntry('d-1')] }) },
        { platform: province, verdict: fromSnapshot('clear') },
      ]);
      expect(red.kind).toBe('red');
      expect(red.activeEntries.map((e) => e.id)).toEqual(['district:d-1']);
    });

    it('is never clear while another platform failed or is still being asked', () => {
      expect(
        merge([
          { platform: district, verdict: fromSnapshot('clear') },
          { platform: province, verdict: failed() },
        ]).kind,
      ).toBe('unknown');
      const withCache = merge([
        { platform: district, verdict: fromSnapshot('clear') },
        { platform: province, verdict: failed(makeStatusResult({ asOf })) },
      ]);
      expect(withCache).toMatchObject({ kind: 'unknown', lastKnown: 'clear', stale: true });
      expect(
        merge([
          { platform: district, verdict: fromSnapshot('clear') },
          { platform: province, verdict: null },
        ]).kind,
      ).toBe('pending');
      // A listing one snapshot holds is shown meanwhile.
      expect(
        merge([
          { platform: district, verdict: fromSnapshot('black') },
          { platform: province, verdict: pendingVerdict() as CodeVerdict },
        ]).kind,
      ).toBe('black');
    });
  });
});
