import type { AssessmentResponse, DepartmentAssessment } from '../../core/api/assessment-schema.ts';
import { VERDICT_KINDS } from '../../core/api/check-record-schema.ts';
import type { FollowUpHit } from '../../core/api/follow-up-schema.ts';
import type { VerdictCounts } from '../../core/api/stats-schema.ts';
import { chinaDate } from '../../core/verdict/china-date.ts';
import type { WorkingDayCalendar } from '../holidays/working-day-calendar.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { daysFrom } from '../time/days-from.ts';
import type { AssessmentScope } from './assessment-scope.ts';
import { calendarCoverage, collectHits } from './compute-follow-up.ts';
import { median } from './median.ts';
import { rankDepartments } from './rank-departments.ts';

type Figures = AssessmentResponse['totals'];

const emptyFigures = (): Figures => ({
  checks: 0,
  codes: 0,
  hits: 0,
  blackHits: 0,
  redHits: 0,
  closed: 0,
  open: 0,
  overdue: 0,
  closedLate: 0,
  feedbackRate: null,
  medianDaysToFeedback: null,
  objectionsFiled: 0,
  objectionsPending: 0,
  objectionsUpheld: 0,
  objectionsRejected: 0,
  typicalCases: 0,
});

function addHits(f: Figures, hits: readonly FollowUpHit[]): void {
  for (const h of hits) {
    f.hits++;
    if (h.kind === 'black') f.blackHits++;
    else f.redHits++;
    if (h.status === 'closed') f.closed++;
    else f.open++;
    if (h.status === 'overdue') f.overdue++;
    if (h.late) f.closedLate++;
  }
  f.feedbackRate = f.hits === 0 ? null : Math.round((f.closed / f.hits) * 1000) / 1000;
  f.medianDaysToFeedback = median(hits.flatMap((h) => (h.daysToFeedback === null ? [] : [h.daysToFeedback])));
}

/**
 * The credit office's assessment of a period (sections (二十八), (三十); issue 19): per department,
 * the checks it made, the hits they found, how many got feedback (on time or late), what is
 * open or overdue, the objections it filed and how they ended, the median time to feedback and
 * its typical cases; the league table, daily checks and hits, and the verdict mix. Departments
 * are those with tokens of the department role plus any with figures; anonymous checks belong to
 * none and are not counted.
 */
export async function computeAssessment(ctx: PlatformContext, scope: AssessmentScope, calendar: WorkingDayCalendar): Promise<AssessmentResponse> {
  const { period, department } = scope;
  const figures = new Map<string, Figures>();
  const of = (name: string) => {
    let f = figures.get(name);
    if (!f) figures.set(name, (f = emptyFigures()));
    return f;
  };
  if (department === null) {
    for (const t of await ctx.repos.tokens.list()) if (t.role === 'department' && t.revokedAt === null && t.department) of(t.department);
  } else of(department);

  const verdicts = Object.fromEntries(VERDICT_KINDS.map((k) => [k, 0])) as VerdictCounts;
  const dailyChecks = new Map<string, number>();
  for (const row of await ctx.repos.audit.checks(period.fromInstant, period.toInstant, department)) {
    if (row.department === null) continue;
    const f = of(row.department);
    f.checks++;
    f.codes += row.codes;
    const day = chinaDate(new Date(row.at));
    dailyChecks.set(day, (dailyChecks.get(day) ?? 0) + 1);
    for (const kind of VERDICT_KINDS) verdicts[kind] += row.verdicts?.[kind] ?? 0;
  }

  const hits = await collectHits(ctx, scope, calendar);
  const hitsBy = new Map<string, FollowUpHit[]>();
  for (const h of hits) hitsBy.set(h.department, [...(hitsBy.get(h.department) ?? []), h]);
  for (const [name, list] of hitsBy) addHits(of(name), list);

  for (const o of await ctx.repos.objectionOutcomes.filedBetween(period.fromInstant, period.toInstant, department)) {
    const f = of(o.department);
    f.objectionsFiled += o.filed;
    f.objectionsPending += o.pending;
    f.objectionsUpheld += o.upheld;
    f.objectionsRejected += o.rejected;
  }
  for (const t of await ctx.repos.typicalCases.list(Number.MAX_SAFE_INTEGER)) {
    const fb = t.feedback;
    if (fb.receivedAt < period.fromInstant || fb.receivedAt >= period.toInstant || (department !== null && fb.department !== department)) continue;
    of(fb.department).typicalCases++;
  }

  const totals = emptyFigures();
  for (const f of figures.values()) {
    for (const key of Object.keys(totals) as (keyof Figures)[]) {
      if (key !== 'feedbackRate' && key !== 'medianDaysToFeedback') totals[key] += f[key];
    }
  }
  // Rates of the whole are computed from all hits, not averaged over departments.
  const all = emptyFigures();
  addHits(all, hits);
  totals.feedbackRate = all.feedbackRate;
  totals.medianDaysToFeedback = all.medianDaysToFeedback;

  const daily: AssessmentResponse['daily'] = [];
  for (let d = period.from; d <= period.to; d = daysFrom(d, 1)) {
    daily.push({ date: d, checks: dailyChecks.get(d) ?? 0, hits: hits.filter((h) => h.checkedOn === d).length });
  }

  const departments: DepartmentAssessment[] = rankDepartments([...figures.entries()].map(([name, f]) => ({ department: name, ...f })));
  return {
    from: period.from,
    to: period.to,
    department,
    workingDays: scope.workingDays,
    judgedOn: scope.judgedOn,
    calendar: calendarCoverage(calendar, scope, hits),
    departments,
    totals,
    daily,
    verdicts,
    ...(await answerStamp(ctx)),
  };
}
