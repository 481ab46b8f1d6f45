import type { FastifyReply } from 'fastify';
import type * as z from 'zod/mini';
import { schemaIssues } from './schema-issues.ts';

/**
 * Whether every answer of the hot routes is checked against its contract schema before it is
 * sent: always under the tests (vitest sets VITEST) or with PLATFORM_VALIDATE_ANSWERS=1; in
 * production only where it is cheap (see `sendChecked`).
 */
export const VALIDATE_ANSWERS = process.env.VITEST !== undefined || process.env.PLATFORM_VALIDATE_ANSWERS === '1';

/**
 * Sends `body` only if it matches the contract schema of the answer. A mismatch is the platform's
 * own bug: it is logged and answered 500 `internal`, never sent as data.
 */
export function sendValidated<S extends z.ZodMiniType>(reply: FastifyReply, schema: S, status: number, body: z.infer<S>): FastifyReply {
  const result = schema.safeParse(body);
  if (!result.success) {
    reply.log.error({ issues: schemaIssues(result.error.issues) }, 'response failed its schema');
    console.error(`[platform] response to ${reply.request.method} ${reply.request.url} failed its schema:`, JSON.stringify(schemaIssues(result.error.issues)));
    return reply.code(500).send({ error: { code: 'internal', message: 'the platform produced an invalid answer' } });
  }
  return reply.code(status).send(result.data);
}

/**
 * `sendValidated` for a hot route whose parts were each checked already as they were built (the
 * status route checks every per-code answer, look-up-codes.ts): the whole answer is checked
 * again under the tests (VALIDATE_ANSWERS), and in production sent as built, through the route's
 * precompiled serializer (serialization-schema.ts).
 */
export function sendChecked<S extends z.ZodMiniType>(reply: FastifyReply, schema: S, status: number, body: z.infer<S>): FastifyReply {
  return VALIDATE_ANSWERS ? sendValidated(reply, schema, status, body) : reply.code(status).send(body);
}
