import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../server/platform-context.ts';
import { sendError } from '../server/send-error.ts';
import type { RateLimiter } from './create-rate-limiter.ts';
import { rateLimitKey } from './rate-limit-key.ts';

/** The API the limit applies to (with every POST); GET pages, static files, the record key and CORS preflights are not limited. */
export const RATE_LIMITED_PREFIX = '/api/v1/';

/** True for the requests that spend the caller's allowance: the API, and every POST (the form pages: print, verify, stats). */
export function isRateLimited(method: string, url: string): boolean {
  return method !== 'OPTIONS' && (url.startsWith(RATE_LIMITED_PREFIX) || method === 'POST');
}

/**
 * Spends one request of the caller's allowance on every `/api/v1/*` request and every form post
 * (`/records/print` takes records of megabytes without a token), before its body is read; over the limit the answer is 429 `rate_limited` with `Retry-After` in seconds (which
 * core/api's client honours). Add after CORS, so a browser page can read the 429 too.
 */
export function limitApiRate(app: FastifyInstance, ctx: PlatformContext, limiter: RateLimiter): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isRateLimited(request.method, request.url)) return;
    const decision = limiter.take(rateLimitKey(ctx, request));
    if (decision.allowed) return;
    reply.header('Retry-After', String(decision.retryAfterSeconds));
    return sendError(reply, 429, 'rate_limited', `too many requests from this caller; try again in ${decision.retryAfterSeconds} s`);
  });
}
