import type { FastifyReply } from 'fastify';
import type { ApiErrorCode } from '../../core/api/error-envelope-schema.ts';

/** Answers with the error envelope every endpoint shares. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: ApiErrorCode,
  message: string,
  issues?: { path: string; message: string }[],
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, ...(issues ? { issues } : {}) } });
}
