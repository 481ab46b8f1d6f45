import type { FastifyInstance } from 'fastify';
import { MAX_CODES_PER_STATUS_REQUEST } from '../../core/api/api-limits.ts';
import { StatusRequestSchema, StatusResponseSchema, type StatusResult } from '../../core/api/status-schema.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { authorize } from '../auth/authorize.ts';
import { isAnonymous } from '../auth/caller.ts';
import { toSubject, visibleEntries } from '../lists/to-list-entry.ts';
import { recordQuery } from '../audit/record-query.ts';
import { ApiError } from '../server/api-error.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/**
 * `POST /api/v1/status`: answers each code as given. Codes are normalized and checked locally
 * first; invalid ones are answered without a lookup; duplicates are answered once each.
 */
export function registerStatusRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/status', async (request, reply) => {
    const caller = authorize(request, ctx, 'read');
    const raw = request.body as { codes?: unknown } | undefined;
    if (raw && Array.isArray(raw.codes) && raw.codes.length > MAX_CODES_PER_STATUS_REQUEST) {
      throw new ApiError(400, 'too_many_codes', `at most ${MAX_CODES_PER_STATUS_REQUEST} codes per request; split the batch`);
    }
    const body = parseRequest(StatusRequestSchema, request.body);
    const anonymous = isAnonymous(caller);
    const stamp = answerStamp(ctx);
    const today = ctx.today();
    const results: StatusResult[] = [];
    const seen = new Set<string>();
    const looked: string[] = [];
    for (const input of body.codes) {
      if (seen.has(input)) continue;
      seen.add(input);
      const parsed = parseUscc(input);
      if (parsed.validity === 'invalid') {
        results.push({ code: input, found: false, invalid: true, subject: null, entries: [], ...stamp });
        continue;
      }
      looked.push(parsed.code);
      const subject = ctx.repos.subjects.get(parsed.code);
      results.push({
        code: input,
        found: subject !== undefined,
        invalid: false,
        subject: subject ? toSubject(subject, anonymous) : null,
        entries: subject ? visibleEntries(ctx.repos, parsed.code, today, anonymous) : [],
        ...stamp,
      });
    }
    recordQuery(ctx, request, caller, 'status', looked, body.purpose ?? null);
    return sendValidated(reply, StatusResponseSchema, 200, { results, ...stamp });
  });
}
