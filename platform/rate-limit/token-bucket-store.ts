import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimiter } from './create-rate-limiter.ts';

/**
 * A store for @fastify/rate-limit that counts with our token buckets (create-rate-limiter.ts)
 * instead of its fixed windows: a request the bucket allows is `current` 1 (never over `max`); one
 * it refuses is over `max`, with `ttl` the time until the bucket holds a request again, which
 * @fastify/rate-limit turns into Retry-After (whole seconds, rounded up).
 *
 * This is the seam for a shared store (issue 16, several workers): any class with `incr` and
 * `child` works here — the same bucket kept in a shared database, or @fastify/rate-limit's own
 * RedisStore (a fixed window; see platform/README.md for what that changes).
 */
export function tokenBucketStore(limiter: RateLimiter): FastifyRateLimitStoreCtor {
  return class TokenBucketStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, _timeWindow: number, max: number): void {
      const decision = limiter.take(key);
      callback(null, decision.allowed ? { current: 1, ttl: 0 } : { current: max + 1, ttl: decision.retryAfterSeconds * 1000 });
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
