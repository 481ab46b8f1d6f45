import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../platform/rate-limit/create-rate-limiter.ts';
import { tokenBucketStore } from '../../../../platform/rate-limit/token-bucket-store.ts';

function incr(store: InstanceType<ReturnType<typeof tokenBucketStore>>, key: string, max: number): { current: number; ttl: number } {
  let result: { current: number; ttl: number } | undefined;
  store.incr(
    key,
    (error, r) => {
      if (error) throw error;
      result = r;
    },
    60_000,
    max,
  );
  if (!result) throw new Error('incr answered nothing');
  return result;
}

describe('tokenBucketStore', () => {
  it('returns counts within max while the bucket allows, then one over max with the wait until the next request as ttl', () => {
    let now = 0;
    const Store = tokenBucketStore(createRateLimiter(3, () => now));
    const store = new Store({});
    expect([1, 2, 3].map(() => incr(store, 'a', 3).current <= 3)).toEqual([true, true, true]);
    expect(incr(store, 'a', 3)).toEqual({ current: 4, ttl: 20_000 });
    now += 20_000;
    expect(incr(store, 'a', 3).current).toBeLessThanOrEqual(3);
  });

  it('returns the same buckets from a route child as from the store itself', () => {
    const Store = tokenBucketStore(createRateLimiter(1));
    const store = new Store({});
    incr(store, 'a', 1);
    expect(incr(store.child({} as never) as InstanceType<typeof Store>, 'a', 1).current).toBe(2);
  });
});
