import { describe, expect, it } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { describeReason, formatAge, verdictLabel } from '../../../../core/verdict/verdict-labels.ts';
import type { VerdictKind } from '../../../../core/verdict/verdict-types.ts';
import { makeStatusResult } from '../fixtures/make-status-result.ts';

const KINDS: VerdictKind[] = ['black', 'disputed', 'red', 'watch', 'clear', 'invalid', 'unknown', 'pending'];

describe('verdictLabel', () => {
  it.each(['zh-CN', 'en'] as const)('gives every verdict a distinct symbol and short text in %s', (locale) => {
    const labels = KINDS.map((k) => verdictLabel(k, locale));
    expect(new Set(labels.map((l) => l.symbol)).size).toBe(KINDS.length);
    expect(new Set(labels.map((l) => l.short)).size).toBe(KINDS.length);
  });
});

describe('formatAge', () => {
  it.each([
    [1_000, '刚刚', 'just now'],
    [10_000, '10 秒前', '10 s ago'],
    [45_000, '45 秒前', '45 s ago'],
    [3 * 60_000, '3 分钟前', '3 min ago'],
    [2 * 3_600_000, '2 小时前', '2 h ago'],
    [24 * 3_600_000, '1 天前', '1 day ago'],
    [4 * 24 * 3_600_000, '4 天前', '4 days ago'],
  ])('formats %d ms', (ms, zh, en) => {
    expect(formatAge(ms, 'zh-CN')).toBe(zh);
    expect(formatAge(ms, 'en')).toBe(en);
  });
});

describe('describeReason', () => {
  const now = new Date('2026-03-01T02:00:00.000Z');
  it('says an error is not clear, in both languages', () => {
    const v = computeVerdict({ result: null, error: new CreditError('timeout', 'x'), now });
    expect(describeReason(v, 'zh-CN')).toContain('请勿视为');
    expect(describeReason(v, 'en')).toContain('did not answer in time');
  });
  it('shows the age of a stale answer', () => {
    const v = computeVerdict({ result: makeStatusResult({ asOf: '2026-03-01T01:57:00.000Z' }), now, freshnessMs: 60_000 });
    expect(describeReason(v, 'zh-CN')).toContain('3 分钟前');
    expect(describeReason(v, 'en')).toContain('3 min ago');
  });
});
