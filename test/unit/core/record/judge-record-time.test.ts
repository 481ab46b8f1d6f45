import { describe, expect, it } from 'vitest';
import { judgeRecordTime, RECORD_CLOCK_SKEW_MS } from '../../../../core/record/judge-record-time.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const key = { keyId: 'clk-1', publicKey: 'x', createdAt: '2026-01-01T00:00:00.000Z' };

describe('judgeRecordTime', () => {
  it.each([
    ['a record issued a minute ago by the current key', at(-60_000), key, null],
    ['a record within the clock skew ahead', at(RECORD_CLOCK_SKEW_MS - 1000), key, null],
    ['a record beyond the clock skew ahead', at(RECORD_CLOCK_SKEW_MS + 1000), key, 'not-yet-valid'],
    ['a record issued before its key existed', '2025-12-01T00:00:00.000Z', key, 'not-yet-valid'],
    ['a record issued before the retirement', at(-2000), { ...key, retiredAt: at(-1000) }, null],
    ['a record issued after the retirement', at(-500), { ...key, retiredAt: at(-1000) }, 'key-retired'],
    ['a record issued before the compromise time', at(-5000), { ...key, compromisedSince: at(-4000) }, null],
    ['a record issued at the compromise time', at(-4000), { ...key, compromisedSince: at(-4000) }, 'key-compromised'],
    ['a record issued after both', at(-10), { ...key, retiredAt: at(-1000), compromisedSince: at(-4000) }, 'key-compromised'],
    ['a key without known times', at(-10), { keyId: 'clk-1', publicKey: 'x' }, null],
  ])('returns the verdict for %s', (_what, issuedAt, trust, reason) => {
    expect(judgeRecordTime(issuedAt, trust, now)?.reason ?? null).toBe(reason);
  });
});
