import type { FastifyReply } from 'fastify';
import type * as z from 'zod/mini';
import { schemaIssues } from './schema-issues.ts';

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
