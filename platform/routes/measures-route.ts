import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';
import { MeasuresResponseSchema } from '../../core/api/measure-schema.ts';
import { authorize } from '../auth/authorize.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

const QuerySchema = z.strictObject({ context: z.optional(CheckContextSchema) });

/** `GET /api/v1/measures?context=`: the catalogue, or the measures that apply where the check happens (`general` measures apply everywhere). */
export function registerMeasuresRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/measures', async (request, reply) => {
    await authorize(request, ctx, 'read');
    const { context } = parseRequest(QuerySchema, request.query);
    const measures =
      context === undefined || context === 'general'
        ? [...ctx.measures]
        : ctx.measures.filter((m) => m.contexts.includes(context) || m.contexts.includes('general'));
    return sendValidated(reply, MeasuresResponseSchema, 200, { catalogueVersion: ctx.catalogueVersion, measures, ...(await answerStamp(ctx)) });
  });
}
