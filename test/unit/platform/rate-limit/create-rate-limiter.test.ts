import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../platform/rate-limit/create-rate-limiter.ts';

function clockedLimiter(perMinute: number) {
  let now = 1_000_000;
  const limiter = createRateLimiter(perMinute, () => now);
  return { limiter, advance: (ms: number) => (now += ms) };
}

const takeTimes = (limiter: ReturnType<typeof createRateLimiter>, key: string, n: number) => Array.from({ length: n }, () => limiter.take(key).allowed);

describe('createRateLimiter', () => {
  it("returns allowed for a burst of a whole minute's allowance, then rejects with the seconds until the next request", () => {
    const { limiter } = clockedLimiter(60);
    expect(takeTimes(limiter, 'a', 60).every(Boolean)).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('returns Retry-After rounded up to whole seconds at slow rates', () => {
    const { limiter } = clockedLimiter(3);
    takeTimes(limiter, 'a', 3);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('returns allowed again once the bucket has refilled by one request, and at the sustained rate after', () => {
    const { limiter, advance } = clockedLimiter(6);
    takeTimes(limiter, 'a', 6);
    advance(9_999);
    expect(limiter.take('a').allowed).toBe(false);
    advance(1);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    advance(60_000);
    expect(takeTimes(limiter, 'a', 7)).toEqual([true, true, true, true, true, true, false]);
  });

  it('keeps one bucket per caller', () => {
    const { limiter } = clockedLimiter(2);
    takeTimes(limiter, 'a', 2);
    expect(limiter.take('a').allowed).toBe(false);
    expect(takeTimes(limiter, 'b', 2)).toEqual([true, true]);
  });

  it('forgets callers whose bucket has refilled, so memory follows recent callers only', () => {
    const { limiter, advance } = clockedLimiter(60);
    for (let i = 0; i < 100; i++) limiter.take(`address:${i}`);
    expect(limiter.size()).toBe(100);
    advance(60_000);
    limiter.take('recent');
    expect(limiter.size()).toBe(1);
  });

  it.each([0, 0.5, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s requests per minute as a limit', (perMinute) => {
    expect(() => createRateLimiter(perMinute)).toThrow(/positive number/);
  });
});
