import type { FastifyInstance } from 'fastify';
import { isStatusErrorResult, StatusRequestSchema, StatusResponseSchema } from '../../core/api/status-schema.ts';
import { computeVerdict } from '../../core/verdict/compute-verdict.ts';
import { countVerdicts } from '../audit/count-verdicts.ts';
import { findHits } from '../audit/find-hits.ts';
import { recordQueryCommitted } from '../audit/record-query.ts';
import { authorize } from '../auth/authorize.ts';
import { lookUpCodes } from '../lists/look-up-codes.ts';
import { disclosureFor } from '../privacy/disclosure-for.ts';
import { ApiError } from '../server/api-error.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendChecked } from '../server/send-validated.ts';
import { serializationSchema } from '../server/serialization-schema.ts';
import { nowOnToday } from '../time/now-on-today.ts';
import { rejectTooManyCodes } from '../server/reject-too-many-codes.ts';

/**
 * `POST /api/v1/status`: answers each code as given. Codes are normalized and checked locally
 * first; invalid ones are answered without a lookup; duplicates are answered once each; a code
 * whose stored data is off-contract gets a per-code error (the rest are answered). The
 * verdict kinds found are counted into the audit log for statistics.
 */
export function registerStatusRoute(app: FastifyInstance, ctx: PlatformContext): void {
  // Answers are written by a serializer compiled once from the contract (fast-json-stringify).
  const schema = { response: { 200: serializationSchema(StatusResponseSchema) } };
  app.post('/api/v1/status', { schema }, async (request, reply) => {
    const caller = await authorize(request, ctx, 'read');
    // An empty platform (new, or its database file came back empty) knows nothing: unknown, never "not found".
    if (!(await ctx.repos.subjects.any())) throw new ApiError(503, 'no_data', 'the platform holds no list data yet, so no code can be answered');
    rejectTooManyCodes(request.body, 'request');
    const body = parseRequest(StatusRequestSchema, request.body);
    const stamp = await answerStamp(ctx);
    const { results, looked } = await lookUpCodes(ctx, body.codes, disclosureFor(caller, body.purpose), stamp);
    const now = nowOnToday(ctx.today());
    const kinds = results.map((result) =>
      isStatusErrorResult(result) ? 'unknown' : computeVerdict({ result, now, freshnessMs: Number.POSITIVE_INFINITY }).kind,
    );
    const verdicts = countVerdicts(kinds);
    // What the credit office follows up (issue 19): the codes found on an active list, and the case.
    const hits = findHits(
      results.flatMap((result, i) => (isStatusErrorResult(result) || !result.subject ? [] : [{ code: result.subject.code, kind: kinds[i]! }])),
    );
    // Answered only once its audit row is committed (group commit: one transaction for many queries).
    await recordQueryCommitted(ctx, request, caller, 'status', looked, body.purpose ?? null, verdicts, { caseReference: body.caseReference ?? null, hits });
    return sendChecked(reply, StatusResponseSchema, 200, { results, ...stamp });
  });
}
