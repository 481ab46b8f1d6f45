import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../server/platform-context.ts';
import { sendError } from '../server/send-error.ts';
import { createRateLimiter } from './create-rate-limiter.ts';
import { rateLimitKey } from './rate-limit-key.ts';
import { tokenBucketStore } from './token-bucket-store.ts';

/** The API the limit applies to (with every POST); GET pages, static files, the record key and CORS preflights are not limited. */
export const RATE_LIMITED_PREFIX = '/api/v1/';

/** True for the requests that spend the caller's allowance: the API, and every POST (the form pages: print, verify, stats). */
export function isRateLimited(method: string, url: string): boolean {
  return method !== 'OPTIONS' && (url.startsWith(RATE_LIMITED_PREFIX) || method === 'POST');
}

/**
 * Limits each caller (rate-limit-key.ts: its token, else its address block) to `perMinute`
 * requests with @fastify/rate-limit, counted in a token bucket of that size (token-bucket-store.ts;
 * pass another `store`, e.g. a shared one, to count elsewhere). Every `/api/v1/*` request and
 * every form post (`/records/print` takes records of megabytes without a token) spends one before
 * its body is read — unknown API paths too, so the check is one `onRequest` hook for every request,
 * not the plugin's per-route hooks. Over the limit the answer is 429 `rate_limited` with
 * `Retry-After` in seconds (which core/api's client honours). Register after CORS, so a browser
 * page can read the 429 too.
 */
export async function limitApiRate(
  app: FastifyInstance,
  ctx: PlatformContext,
  perMinute: number,
  store: FastifyRateLimitStoreCtor = tokenBucketStore(createRateLimiter(perMinute)),
): Promise<void> {
  await app.register(rateLimit, { global: false, max: perMinute, timeWindow: 60_000, store, keyGenerator: (request) => rateLimitKey(ctx, request) });
  const spend = app.createRateLimit();
  app.addHook('onRequest', async (request, reply) => {
    if (!isRateLimited(request.method, request.url)) return;
    const limit = await spend(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header('Retry-After', String(limit.ttlInSeconds));
    return sendError(reply, 429, 'rate_limited', `too many requests from this caller; try again in ${limit.ttlInSeconds} s`);
  });
}
