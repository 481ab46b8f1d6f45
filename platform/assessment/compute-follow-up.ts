import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import type { FollowUpHit, FollowUpResponse } from '../../core/api/follow-up-schema.ts';
import type { WorkingDayCalendar } from '../holidays/working-day-calendar.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import type { AssessmentScope } from './assessment-scope.ts';
import { followUpHits, type HitCheck } from './follow-up-hits.ts';

/** Feedback read per (department, code) at most. */
const FEEDBACK_PER_SUBJECT = 1000;

/**
 * Every hit of the scope (checks in the period; anonymous checks are no department's case and
 * are left out), judged on the scope's day with the feedback stored so far.
 */
export async function collectHits(ctx: PlatformContext, scope: AssessmentScope, calendar: WorkingDayCalendar): Promise<FollowUpHit[]> {
  const checks: HitCheck[] = [];
  for (const row of await ctx.repos.audit.hits(scope.period.fromInstant, scope.period.toInstant, scope.department)) {
    if (row.department === null) continue;
    for (const hit of row.hits) checks.push({ at: row.at, department: row.department, code: hit.code, kind: hit.kind, caseReference: row.caseReference });
  }
  const feedback: FeedbackRecord[] = [];
  const read = new Set<string>();
  for (const c of checks) {
    const key = `${c.department}\u0000${c.code}`;
    if (read.has(key)) continue;
    read.add(key);
    feedback.push(...(await ctx.repos.feedback.listByCode(c.code, null, FEEDBACK_PER_SUBJECT, c.department)));
  }
  return followUpHits(checks, feedback, { workingDays: scope.workingDays, judgedOn: scope.judgedOn, calendar });
}

/** Whether every day the figures rest on lies in a year the calendar holds a notice for. */
export function calendarCoverage(calendar: WorkingDayCalendar, scope: AssessmentScope, hits: readonly FollowUpHit[]): FollowUpResponse['calendar'] {
  // Judging only compares the day with each deadline: the deadlines and the period need the calendar, the day itself not.
  const days = [scope.period.from, scope.period.to, ...hits.map((h) => h.dueOn)];
  return { coveredYears: [...calendar.coveredYears], covered: days.every((d) => calendar.covers(d)) };
}
