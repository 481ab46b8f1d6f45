import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { MAX_CHANGES_PER_PAGE } from '../../core/api/api-limits.ts';
import { ChangesResponseSchema } from '../../core/api/changes-schema.ts';
import { authorize } from '../auth/authorize.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

const Count = z.string().check(z.regex(/^\d{1,15}$/, 'a non-negative integer'));
const QuerySchema = z.strictObject({ since: z.optional(Count), limit: z.optional(Count) });

/** `GET /api/v1/changes?since=<cursor>[&limit=]`: changes after a cursor, oldest first, a page at a time. */
export function registerChangesRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/changes', async (request, reply) => {
    const caller = await authorize(request, ctx, 'read');
    const query = parseRequest(QuerySchema, request.query);
    const since = Number(query.since ?? '0');
    const limit = Math.max(1, Math.min(MAX_CHANGES_PER_PAGE, Number(query.limit ?? MAX_CHANGES_PER_PAGE)));
    const stamp = await answerStamp(ctx);
    const page = await ctx.repos.changes.since(since, limit + 1);
    const changes = page.slice(0, limit);
    const cursor = changes.length > 0 ? (changes[changes.length - 1] as { cursor: number }).cursor : Math.min(since, stamp.dataVersion);
    return sendValidated(reply, ChangesResponseSchema, 200, { changes, cursor, hasMore: page.length > limit, department: caller.department, ...stamp });
  });
}
