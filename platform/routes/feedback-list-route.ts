import type { FastifyInstance } from 'fastify';
import { FeedbackListQuerySchema, FeedbackListResponseSchema, MAX_FEEDBACK_LIST } from '../../core/api/feedback-list-schema.ts';
import { authorize } from '../auth/authorize.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/**
 * `GET /api/v1/feedback?code=&caseReference=` (department role): the feedback already given for a subject — for one case when `caseReference` is given — so the subject's card
 * can show it before someone reports the same measure twice. A department token reads its own
 * department's feedback only (issue 10, finding 9); an admin reads every department's.
 */
export function registerFeedbackListRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/feedback', async (request, reply) => {
    const caller = await authorize(request, ctx, 'department');
    const query = parseRequest(FeedbackListQuerySchema, request.query);
    const caseReference = query.caseReference ?? null;
    const feedback = await ctx.repos.feedback.listByCode(
      query.code,
      caseReference,
      MAX_FEEDBACK_LIST,
      caller.role === 'admin' ? null : (caller.department ?? ''),
    );
    return sendValidated(reply, FeedbackListResponseSchema, 200, { code: query.code, caseReference, feedback, ...(await answerStamp(ctx)) });
  });
}
