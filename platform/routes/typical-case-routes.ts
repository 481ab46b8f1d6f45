import type { FastifyInstance, FastifyReply } from 'fastify';
import * as z from 'zod/mini';
import { TypicalCaseListSchema, TypicalCaseRequestSchema, TypicalCaseResponseSchema, type TypicalCase } from '../../core/api/typical-case-schema.ts';
import { typicalCasesToCsv, typicalCasesToXlsx } from '../assessment/typical-cases-export.ts';
import { authorize } from '../auth/authorize.ts';
import type { StoredTypicalCase } from '../db/typical-case-repository.ts';
import { ApiError } from '../server/api-error.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

const MAX_LISTED = 5000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NoQuerySchema = z.strictObject({});

/** Which list a typical case of each kind follows from. */
const MEASURE_KIND = { incentive: 'reward', punishment: 'punishment' } as const;

function withItem(ctx: PlatformContext, t: StoredTypicalCase): TypicalCase {
  return { ...t, measureItem: ctx.measures.find((m) => m.id === t.feedback.measureId)?.item ?? t.feedback.measureId };
}

const download = (reply: FastifyReply, type: string, name: string, body: string | Buffer) =>
  reply.type(type).header('Cache-Control', 'no-store').header('Content-Disposition', `attachment; filename="${name}"`).send(body);

/**
 * Typical cases (section (二十九)), admin (区信用办) only: `POST /api/v1/typical-cases` marks a
 * feedback as a typical case of incentive or punishment with a note — only a measure that was
 * applied, and of the kind the case names (a reward measure for incentive) — and marking again
 * replaces kind and note; `GET /api/v1/typical-cases` lists them, newest first; `.csv` and
 * `.xlsx` export them.
 */
export function registerTypicalCaseRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/typical-cases', async (request, reply) => {
    const caller = await authorize(request, ctx, 'admin');
    const body = parseRequest(TypicalCaseRequestSchema, request.body);
    const feedback = await ctx.repos.feedback.findById(body.feedbackId);
    if (!feedback) throw new ApiError(404, 'not_found', 'no feedback with this id');
    if (feedback.outcome !== 'applied') throw new ApiError(409, 'conflict', 'only a feedback whose measure was applied can be a typical case');
    const measure = ctx.measures.find((m) => m.id === feedback.measureId);
    if (measure && measure.kind !== MEASURE_KIND[body.kind]) {
      throw new ApiError(409, 'conflict', `measure ${measure.id} is a ${measure.kind} measure, not one of ${body.kind}`, [
        { path: 'kind', message: 'does not match the measure' },
      ]);
    }
    await ctx.repos.typicalCases.mark(feedback.id, body.kind, body.note.trim(), new Date().toISOString(), caller.label ?? caller.department ?? null);
    const stored = (await ctx.repos.typicalCases.get(feedback.id))!;
    return sendValidated(reply, TypicalCaseResponseSchema, 201, { typicalCase: withItem(ctx, stored), ...(await answerStamp(ctx)) });
  });
  const list = async (request: Parameters<typeof authorize>[0]) => {
    await authorize(request, ctx, 'admin');
    parseRequest(NoQuerySchema, request.query);
    return (await ctx.repos.typicalCases.list(MAX_LISTED)).map((t) => withItem(ctx, t));
  };
  app.get('/api/v1/typical-cases', async (request, reply) =>
    sendValidated(reply, TypicalCaseListSchema, 200, { typicalCases: await list(request), ...(await answerStamp(ctx)) }),
  );
  app.get('/api/v1/typical-cases.csv', async (request, reply) =>
    download(reply, 'text/csv; charset=utf-8', 'creditlens-typical-cases.csv', typicalCasesToCsv(await list(request))),
  );
  app.get('/api/v1/typical-cases.xlsx', async (request, reply) =>
    download(reply, XLSX, 'creditlens-typical-cases.xlsx', await typicalCasesToXlsx(await list(request))),
  );
}
