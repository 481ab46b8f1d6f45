import { VERDICT_KINDS } from '../../core/api/check-record-schema.ts';
import type { FeedbackOutcome } from '../../core/api/feedback-schema.ts';
import type { OutcomeCounts, StatsResponse, VerdictCounts } from '../../core/api/stats-schema.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import type { StatsPeriod } from './stats-period.ts';

/** How queries without a token appear in the statistics. */
export const ANONYMOUS_LABEL = '匿名';

const emptyOutcomes = (): OutcomeCounts => ({ total: 0, applied: 0, 'not-applicable': 0, exempted: 0 });

function addOutcome(counts: OutcomeCounts, outcome: FeedbackOutcome): void {
  counts.total++;
  counts[outcome]++;
}

const byName = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));

/**
 * The figures of a period (sections (二十八)-(三十)): check queries and the codes they looked
 * up, the verdicts they found (counted at query time), feedback by department, measure and
 * outcome, and objections filed and resolved. `department` null means every department.
 */
export async function computeStats(ctx: PlatformContext, period: StatsPeriod, department: string | null): Promise<StatsResponse> {
  const verdicts = Object.fromEntries(VERDICT_KINDS.map((k) => [k, 0])) as VerdictCounts;
  const checksByDepartment = new Map<string, { queries: number; codes: number }>();
  let queries = 0;
  let codes = 0;
  let records = 0;
  for (const row of await ctx.repos.audit.checks(period.fromInstant, period.toInstant, department)) {
    queries++;
    codes += row.codes;
    if (row.endpoint === 'record') records++;
    const name = row.department ?? ANONYMOUS_LABEL;
    const d = checksByDepartment.get(name) ?? { queries: 0, codes: 0 };
    d.queries++;
    d.codes += row.codes;
    checksByDepartment.set(name, d);
    for (const kind of VERDICT_KINDS) verdicts[kind] += row.verdicts?.[kind] ?? 0;
  }

  const feedback = emptyOutcomes();
  const feedbackByDepartment = new Map<string, OutcomeCounts>();
  const feedbackByMeasure = new Map<string, OutcomeCounts>();
  for (const f of await ctx.repos.feedback.between(period.fromInstant, period.toInstant, department)) {
    addOutcome(feedback, f.outcome);
    for (const [map, key] of [
      [feedbackByDepartment, f.department],
      [feedbackByMeasure, f.measureId],
    ] as const) {
      const counts = map.get(key) ?? emptyOutcomes();
      addOutcome(counts, f.outcome);
      map.set(key, counts);
    }
  }
  const measureItem = (id: string) => ctx.measures.find((m) => m.id === id)?.item ?? id;

  return {
    from: period.from,
    to: period.to,
    department,
    checks: { queries, codes, records, byDepartment: byName(checksByDepartment).map(([name, c]) => ({ department: name, ...c })) },
    verdicts,
    feedback: {
      ...feedback,
      byDepartment: byName(feedbackByDepartment).map(([name, c]) => ({ department: name, ...c })),
      byMeasure: [...feedbackByMeasure.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
        .map(([measureId, c]) => ({ measureId, item: measureItem(measureId), ...c })),
    },
    objections: await ctx.repos.objections.countsBetween(period.fromInstant, period.toInstant, department),
    ...(await answerStamp(ctx)),
  };
}
