import type { DepartmentAssessment } from '../../core/api/assessment-schema.ts';

type Unranked = Omit<DepartmentAssessment, 'rank'>;

const order = (a: Unranked, b: Unranked) => (b.feedbackRate ?? 0) - (a.feedbackRate ?? 0) || a.overdue - b.overdue || b.hits - a.hits;

/**
 * The league table: departments with hits by feedback rate (higher first), then overdue hits
 * (fewer first), then hits (more first), equal ones sharing a rank (1, 1, 3); departments without
 * hits follow, sharing the next rank. Names break ties in the order only (zh-CN collation).
 */
export function rankDepartments(rows: readonly Unranked[]): DepartmentAssessment[] {
  const byName = (a: Unranked, b: Unranked) => a.department.localeCompare(b.department, 'zh-CN');
  const withHits = rows.filter((r) => r.hits > 0).sort((a, b) => order(a, b) || byName(a, b));
  const without = rows.filter((r) => r.hits === 0).sort(byName);
  const ranked: DepartmentAssessment[] = [];
  withHits.forEach((row, i) => {
    const previous = ranked[i - 1];
    const rank = previous && order(withHits[i - 1]!, row) === 0 ? previous.rank : i + 1;
    ranked.push({ rank, ...row });
  });
  for (const row of without) ranked.push({ rank: withHits.length + 1, ...row });
  return ranked;
}
