/** What a caller gets when it asks for one more request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Per-caller token buckets: `take(key)` spends one request of that caller's allowance. */
export interface RateLimiter {
  take(key: string): RateDecision;
  /** How many callers are tracked (buckets that have not yet refilled). */
  size(): number;
}

/**
 * A token bucket per caller that holds `perMinute` requests and refills at `perMinute / 60` a
 * second: a burst of up to a minute's allowance is fine, a caller that keeps going is slowed to
 * the sustained rate. Buckets that have refilled completely are forgotten (looked for once a
 * minute), so memory follows the callers active in the last minute, not every address ever seen.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  if (!(perMinute >= 1) || !Number.isFinite(perMinute))
    throw new Error(`rate limit must be a positive number of requests per minute (at least 1), not ${perMinute}`);
  const capacity = perMinute;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = now();

  const level = (bucket: { tokens: number; at: number }, t: number): number => Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);

  function sweep(t: number): void {
    sweptAt = t;
    for (const [key, bucket] of buckets) if (level(bucket, t) >= capacity) buckets.delete(key);
  }

  return {
    take(key) {
      const t = now();
      if (t - sweptAt >= 60_000) sweep(t);
      const bucket = buckets.get(key);
      const tokens = bucket ? level(bucket, t) : capacity;
      if (tokens < 1) {
        if (bucket) Object.assign(bucket, { tokens, at: t });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      return { allowed: true };
    },
    size: () => buckets.size,
  };
}
