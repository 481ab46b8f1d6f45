import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { AnswerStampShape, LineSchema } from '../../core/api/scalars.ts';
import { authorize } from '../auth/authorize.ts';
import { createToken } from '../auth/create-token.ts';
import { ROLES } from '../auth/role.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

const RequestSchema = z.strictObject({
  department: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.enum(ROLES),
  label: z.optional(z.string().check(z.maxLength(200))),
});

/** `POST /api/v1/admin/tokens`: the answer holds the token itself, shown this once. */
export const TokenResponseSchema = z.strictObject({
  id: LineSchema,
  token: LineSchema,
  department: LineSchema,
  role: z.enum(ROLES),
  ...AnswerStampShape,
});

/** Registers token issuance (admin only). */
export function registerAdminTokenRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/admin/tokens', async (request, reply) => {
    await authorize(request, ctx, 'admin');
    const body = parseRequest(RequestSchema, request.body);
    const { id, token } = await createToken(ctx.repos, body.department, body.role, body.label ?? null);
    return sendValidated(reply, TokenResponseSchema, 201, { id, token, department: body.department, role: body.role, ...(await answerStamp(ctx)) });
  });
}
