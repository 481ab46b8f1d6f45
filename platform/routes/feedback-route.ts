import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { FeedbackRequestSchema, FeedbackResponseSchema, type FeedbackRecord } from '../../core/api/feedback-schema.ts';
import { authorize } from '../auth/authorize.ts';
import { ApiError } from '../server/api-error.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/** A stable hash of what a feedback request says (keys sorted), to tell a retry from a reuse of its key. */
function requestHash(department: string, body: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(body)
      .sort()
      .map((k) => [k, body[k] ?? null]),
  );
  return createHash('sha256').update(`${department}\n${canonical}`).digest('hex');
}

/**
 * `POST /api/v1/feedback` (section (二十四)): which measure was applied to which subject. Idempotent
 * by key: a retry is answered 200 `duplicate: true` with the stored record; the same key with a
 * different request is 409 `conflict`. An `entryId` must name an entry of the subject on this
 * platform (400 otherwise: feedback meant for another platform's entry is never filed here).
 */
export function registerFeedbackRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/feedback', async (request, reply) => {
    const caller = await authorize(request, ctx, 'department');
    const body = parseRequest(FeedbackRequestSchema, request.body);
    if (!ctx.measures.some((m) => m.id === body.measureId)) {
      throw new ApiError(400, 'bad_request', 'unknown measure', [{ path: 'measureId', message: `no measure ${body.measureId} in the catalogue` }]);
    }
    // Feedback names an entry of this platform about this subject, or none (a measure of the subject).
    if (body.entryId !== null && (await ctx.repos.entries.get(body.entryId))?.code !== body.code) {
      throw new ApiError(400, 'bad_request', 'unknown entry', [{ path: 'entryId', message: `no entry ${body.entryId} of ${body.code} on this platform` }]);
    }
    const department = caller.department ?? '';
    const hash = requestHash(department, body);
    const outcome = await storeOnce(ctx, hash, {
      id: `fb-${randomUUID()}`,
      idempotencyKey: body.idempotencyKey,
      code: body.code,
      entryId: body.entryId,
      measureId: body.measureId,
      outcome: body.outcome,
      reason: body.reason,
      caseReference: body.caseReference,
      note: body.note,
      operator: body.operator,
      department,
      context: body.context,
      receivedAt: new Date().toISOString(),
    });
    return sendValidated(reply, FeedbackResponseSchema, outcome.duplicate ? 200 : 201, {
      feedback: outcome.record,
      duplicate: outcome.duplicate,
      ...(await answerStamp(ctx)),
    });
  });
}

/**
 * Stores `record` under its idempotency key, or answers with the record stored under it before
 * (409 when that came from a different request). The database's unique key decides between two
 * workers storing one key at the same instant: the one refused answers with the other's record.
 */
async function storeOnce(ctx: PlatformContext, hash: string, record: FeedbackRecord): Promise<{ record: FeedbackRecord; duplicate: boolean }> {
  const stored = async (): Promise<{ record: FeedbackRecord; duplicate: true } | undefined> => {
    const existing = await ctx.repos.feedback.findByKey(record.idempotencyKey);
    if (!existing) return undefined;
    if (existing.bodyHash !== hash) throw new ApiError(409, 'conflict', 'this idempotency key was used for a different feedback request');
    return { record: existing.record, duplicate: true };
  };
  const before = await stored();
  if (before) return before;
  if (await ctx.repos.feedback.insert(record, hash)) return { record, duplicate: false };
  const raced = await stored();
  if (!raced) throw new Error('feedback insert refused without a stored record for its key');
  return raced;
}
