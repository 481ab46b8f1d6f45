import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StatsQuerySchema, StatsResponseSchema, type StatsResponse } from '../../core/api/stats-schema.ts';
import { chinaDate } from '../../core/verdict/china-date.ts';
import { authorize } from '../auth/authorize.ts';
import type { Caller } from '../auth/caller.ts';
import { ApiError } from '../server/api-error.ts';
import { parseRequest } from '../server/parse-request.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';
import { computeStats } from '../stats/compute-stats.ts';
import { statsPeriod } from '../stats/stats-period.ts';
import { statsToCsv } from '../stats/stats-to-csv.ts';

/**
 * The statistics a caller may see: an admin (区信用办) sees every department, or one with
 * `department=`; anyone else sees their own department's figures only.
 */
export async function statsFor(ctx: PlatformContext, caller: Caller, query: unknown): Promise<StatsResponse> {
  const q = parseRequest(StatsQuerySchema, query);
  let department: string | null;
  if (caller.role === 'admin') department = q.department ?? null;
  else {
    department = caller.department ?? '';
    if (q.department !== undefined && q.department !== department)
      throw new ApiError(403, 'forbidden', 'only an admin may see the statistics of another department');
  }
  // Queries and feedback are stamped with the real time, so the default period ends on the real
  // date, even when the platform's list "today" is fixed for a demo.
  return await computeStats(ctx, statsPeriod(q, chinaDate(new Date())), department);
}

/** `GET /api/v1/stats` and `GET /api/v1/stats.csv` (viewer role or above). */
export function registerStatsRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/stats', async (request, reply) => {
    const stats = await statsFor(ctx, await authorize(request, ctx, 'viewer'), request.query);
    return sendValidated(reply, StatsResponseSchema, 200, stats);
  });
  app.get('/api/v1/stats.csv', async (request: FastifyRequest, reply) => {
    const stats = await statsFor(ctx, await authorize(request, ctx, 'viewer'), request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="creditlens-stats-${stats.from}-${stats.to}.csv"`)
      .send(statsToCsv(stats));
  });
}
