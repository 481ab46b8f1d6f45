import type { FastifyRequest } from 'fastify';
import { callerOf } from '../auth/authorize.ts';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { addressBlock } from './address-block.ts';

/**
 * Whose allowance a request spends: the token's when it carries a valid one (a department's
 * token is the same caller from any address), else the client address's — including requests
 * with a wrong token, so guessing tokens is slowed like any other flood.
 */
export async function rateLimitKey(ctx: PlatformContext, request: FastifyRequest): Promise<string> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    try {
      const caller = await callerOf(ctx, header);
      if (caller.tokenId !== null) return `token:${caller.tokenId}`;
    } catch (error) {
      // A wrong token: the route answers 401; its allowance is the address's.
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return `address:${addressBlock(request.ip)}`;
}
