import type { FastifyInstance } from 'fastify';
import { CheckRecordRequestSchema, SignedCheckRecordSchema } from '../../core/api/check-record-schema.ts';
import { signCheckRecord } from '../../core/record/sign-check-record.ts';
import { countVerdicts } from '../audit/count-verdicts.ts';
import { findHits } from '../audit/find-hits.ts';
import { recordQuery } from '../audit/record-query.ts';
import { authorize } from '../auth/authorize.ts';
import { isAnonymous } from '../auth/caller.ts';
import { lookUpCodes } from '../lists/look-up-codes.ts';
import { disclosureFor } from '../privacy/disclosure-for.ts';
import { buildCheckRecord } from '../records/build-check-record.ts';
import { platformSubtle } from '../records/platform-subtle.ts';
import { ApiError } from '../server/api-error.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';
import { nowOnToday } from '../time/now-on-today.ts';
import { rejectTooManyCodes } from '../server/reject-too-many-codes.ts';

/** The department a record names when nobody signed in. */
export const ANONYMOUS_DEPARTMENT = '匿名';

/**
 * `POST /api/v1/records`: the platform looks the codes up itself (exactly as `/status` would for
 * this caller), judges them with core/verdict and signs what it answered. The record is
 * audit-logged like a status query, purpose `record`.
 */
export function registerCreateRecordRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/records', async (request, reply) => {
    const caller = await authorize(request, ctx, 'read');
    // An empty platform signs no record that a code is not listed (as /status, 503 no_data).
    if (!(await ctx.repos.subjects.any())) throw new ApiError(503, 'no_data', 'the platform holds no list data yet, so no record can be issued');
    rejectTooManyCodes(request.body, 'record');
    const body = parseRequest(CheckRecordRequestSchema, request.body);
    const stamp = await answerStamp(ctx);
    const anonymous = isAnonymous(caller);
    const { results, looked } = await lookUpCodes(ctx, body.codes, disclosureFor(caller, body.caseReference), stamp);
    const issuer = {
      department: anonymous ? ANONYMOUS_DEPARTMENT : (caller.department ?? ANONYMOUS_DEPARTMENT),
      operator: body.operator ?? caller.label ?? null,
    };
    const { record, verdicts } = buildCheckRecord(ctx, body, results, issuer, stamp, nowOnToday(ctx.today()));
    const signed = await signCheckRecord(record, await ctx.currentSigningKey(), platformSubtle);
    const hits = findHits(record.items.map((item) => ({ code: item.code, kind: item.verdict })));
    await recordQuery(ctx, request, caller, 'record', looked, 'record', countVerdicts(verdicts.map((v) => v.kind)), {
      caseReference: record.caseReference,
      hits,
    });
    return sendValidated(reply, SignedCheckRecordSchema, 201, signed);
  });
}
