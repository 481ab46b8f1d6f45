import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AssessmentQuerySchema, AssessmentResponseSchema, type AssessmentResponse } from '../../core/api/assessment-schema.ts';
import { FollowUpQuerySchema, FollowUpResponseSchema, type FollowUpResponse } from '../../core/api/follow-up-schema.ts';
import { assessmentScope } from '../assessment/assessment-scope.ts';
import { assessmentToCsv } from '../assessment/assessment-to-csv.ts';
import { assessmentToXlsx } from '../assessment/assessment-to-xlsx.ts';
import { computeAssessment } from '../assessment/compute-assessment.ts';
import { calendarCoverage, collectHits } from '../assessment/compute-follow-up.ts';
import { authorize } from '../auth/authorize.ts';
import { workingDayCalendar } from '../holidays/working-day-calendar.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The follow-up a caller may see (admin: every department or one; others: their own). */
export async function followUpFor(ctx: PlatformContext, request: FastifyRequest): Promise<FollowUpResponse> {
  const caller = await authorize(request, ctx, 'viewer');
  const query = parseRequest(FollowUpQuerySchema, request.query);
  const scope = assessmentScope(caller, query, ctx.today());
  const calendar = workingDayCalendar();
  const all = await collectHits(ctx, scope, calendar);
  return {
    from: scope.period.from,
    to: scope.period.to,
    department: scope.department,
    workingDays: scope.workingDays,
    judgedOn: scope.judgedOn,
    calendar: calendarCoverage(calendar, scope, all),
    hits: query.status ? all.filter((h) => h.status === query.status) : all,
    ...(await answerStamp(ctx)),
  };
}

/** The assessment a caller may see, scoped as the follow-up. */
export async function assessmentFor(ctx: PlatformContext, request: FastifyRequest): Promise<AssessmentResponse> {
  const caller = await authorize(request, ctx, 'viewer');
  return await computeAssessment(ctx, assessmentScope(caller, parseRequest(AssessmentQuerySchema, request.query), ctx.today()), workingDayCalendar());
}

const download = (reply: FastifyReply, type: string, name: string, body: string | Buffer) =>
  reply.type(type).header('Cache-Control', 'no-store').header('Content-Disposition', `attachment; filename="${name}"`).send(body);

/**
 * The credit office's view (issue 19; sections (二十四), (二十八), (三十)), viewer role or above:
 * `GET /api/v1/follow-up` (every hit and where it stands; `status=` open/overdue/closed),
 * `GET /api/v1/assessment` (per-department figures, league table, daily series, verdict mix)
 * and the league table as `.csv` and `.xlsx`. Query: from, to, department (admin), workingDays.
 */
export function registerAssessmentRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/follow-up', async (request, reply) => sendValidated(reply, FollowUpResponseSchema, 200, await followUpFor(ctx, request)));
  app.get('/api/v1/assessment', async (request, reply) => sendValidated(reply, AssessmentResponseSchema, 200, await assessmentFor(ctx, request)));
  app.get('/api/v1/assessment.csv', async (request, reply) => {
    const a = await assessmentFor(ctx, request);
    return download(reply, 'text/csv; charset=utf-8', `creditlens-assessment-${a.from}-${a.to}.csv`, assessmentToCsv(a));
  });
  app.get('/api/v1/assessment.xlsx', async (request, reply) => {
    const a = await assessmentFor(ctx, request);
    return download(reply, XLSX, `creditlens-assessment-${a.from}-${a.to}.xlsx`, await assessmentToXlsx(a));
  });
}
