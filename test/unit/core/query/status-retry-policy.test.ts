import { describe, expect, it } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { statusRetry, statusRetryDelay } from '../../../../core/query/status-retry-policy.ts';

describe('statusRetry', () => {
  it.each<[string, unknown, boolean]>([
    ['offline', new CreditError('offline', 'x'), true],
    ['a timeout', new CreditError('timeout', 'x'), true],
    ['a 503', new CreditError('http', 'x', { status: 503 }), true],
    ['a 500', new CreditError('http', 'x', { status: 500 }), true],
    ['a 429', new CreditError('http', 'x', { status: 429 }), true],
    ['a 400', new CreditError('http', 'x', { status: 400 }), false],
    ['a 404', new CreditError('http', 'x', { status: 404 }), false],
    ['a 401 (auth)', new CreditError('auth', 'x', { status: 401 }), false],
    ['a 403 (auth)', new CreditError('auth', 'x', { status: 403 }), false],
    ['an off-schema answer', new CreditError('schema', 'x'), false],
    ['an abort', new CreditError('aborted', 'x'), false],
    ['a bug (TypeError)', new TypeError('x'), false],
  ])('returns %s → %s on the first failure', (_n, error, expected) => {
    expect(statusRetry(3)(0, error)).toBe(expected);
  });

  it('returns false once the retries are spent', () => {
    const offline = new CreditError('offline', 'x');
    expect([0, 1, 2, 3].map((n) => statusRetry(3)(n, offline))).toEqual([true, true, true, false]);
    expect(statusRetry(0)(0, offline)).toBe(false);
  });
});

describe('statusRetryDelay', () => {
  it('returns 1 s, 2 s, 4 s … capped at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(statusRetryDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});
