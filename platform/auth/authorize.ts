import type { FastifyRequest } from 'fastify';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import type { Caller } from './caller.ts';
import { hashToken } from './hash-token.ts';
import { roleAtLeast, type Role } from './role.ts';

/**
 * Finds the caller of a request and checks it may do what `needed` requires. `needed: 'read'`
 * admits anonymous callers when the operator enabled anonymous reads, and viewers otherwise. A
 * token that is present but wrong is always 401: never silently treated as anonymous.
 */
export async function authorize(request: FastifyRequest, ctx: PlatformContext, needed: Role | 'read'): Promise<Caller> {
  const caller = await callerOf(ctx, request.headers.authorization);
  request.caller = caller;
  return admit(ctx, caller, needed);
}

/** The caller an `Authorization` header value stands for (anonymous when absent); a wrong token is 401. */
export async function callerOf(ctx: PlatformContext, header: string | undefined): Promise<Caller> {
  if (header === undefined) return { role: null, tokenId: null, department: null };
  const match = /^Bearer ([\x21-\x7e]{8,512})$/.exec(header.trim());
  const token = match && (await ctx.repos.tokens.findByHash(hashToken(match[1] as string)));
  if (!token || token.revokedAt !== null) throw new ApiError(401, 'unauthorized', 'the bearer token is missing, malformed, unknown or revoked');
  return { role: token.role, tokenId: token.id, department: token.department, label: token.label };
}

/** Checks a known caller may do what `needed` requires (see `authorize`). */
export function admit(ctx: PlatformContext, caller: Caller, needed: Role | 'read'): Caller {
  if (caller.role === null) {
    if (needed === 'read' && ctx.anonymousReads) return caller;
    throw new ApiError(401, 'unauthorized', 'this request needs a bearer token');
  }
  const role: Role = needed === 'read' ? 'viewer' : needed;
  if (!roleAtLeast(caller.role, role)) throw new ApiError(403, 'forbidden', `this request needs the ${role} role`);
  return caller;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the request has been authorized; read by the request log. */
    caller?: Caller;
  }
}
