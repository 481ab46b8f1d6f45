import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema } from '../../core/api/scalars.ts';
import { authorize } from '../auth/authorize.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

const QuerySchema = z.strictObject({ limit: z.optional(z.string().check(z.regex(/^\d{1,6}$/, 'a non-negative integer'))) });

/** `GET /api/v1/admin/audit?limit=`: the latest registered queries, newest first. */
export const AuditResponseSchema = z.strictObject({
  records: z.array(
    z.strictObject({
      id: z.number(),
      at: IsoDateTimeSchema,
      tokenId: z.nullable(LineSchema),
      department: z.nullable(LineSchema),
      endpoint: LineSchema,
      codes: z.array(z.string()),
      purpose: z.nullable(LineSchema),
      ip: z.nullable(LineSchema),
    }),
  ),
  ...AnswerStampShape,
});

/** Registers the audit-log reader (admin only; section (二十七): queries are reviewable). */
export function registerAdminAuditRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/admin/audit', async (request, reply) => {
    await authorize(request, ctx, 'admin');
    const { limit } = parseRequest(QuerySchema, request.query);
    const records = await ctx.repos.audit.latest(Math.max(1, Math.min(1000, Number(limit ?? 100))));
    return sendValidated(reply, AuditResponseSchema, 200, { records, ...(await answerStamp(ctx)) });
  });
}
