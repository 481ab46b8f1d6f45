import { describe, expect, it } from 'vitest';
import type { DepartmentAssessment } from '../../../../core/api/assessment-schema.ts';
import { median } from '../../../../platform/assessment/median.ts';
import { rankDepartments } from '../../../../platform/assessment/rank-departments.ts';

const row = (department: string, hits: number, closed: number, overdue: number): Omit<DepartmentAssessment, 'rank'> => ({
  department,
  checks: hits,
  codes: hits,
  hits,
  blackHits: hits,
  redHits: 0,
  closed,
  open: hits - closed,
  overdue,
  closedLate: 0,
  feedbackRate: hits === 0 ? null : closed / hits,
  medianDaysToFeedback: null,
  objectionsFiled: 0,
  objectionsPending: 0,
  objectionsUpheld: 0,
  objectionsRejected: 0,
  typicalCases: 0,
});

describe('rankDepartments', () => {
  it('returns departments by feedback rate, then fewer overdue, then more hits; equal ones share a rank; none without hits last', () => {
    const ranked = rankDepartments([
      row('区财政局', 4, 2, 2),
      row('区人社局', 0, 0, 0),
      row('区住房和城市更新局', 4, 4, 0),
      row('区行政审批局', 2, 1, 1),
      row('区市场监管局', 4, 2, 1),
      row('区民政局', 0, 0, 0),
      row('区教育局', 2, 1, 1),
    ]);
    expect(ranked.map((r) => [r.rank, r.department])).toEqual([
      [1, '区住房和城市更新局'], // 100 %
      [2, '区市场监管局'], // 50 %, 1 overdue, 4 hits
      [3, '区教育局'], // 50 %, 1 overdue, 2 hits — shares rank 3 with 区行政审批局
      [3, '区行政审批局'],
      [5, '区财政局'], // 50 %, 2 overdue
      [6, '区民政局'], // no hits: the next rank, by name
      [6, '区人社局'],
    ]);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[14, 1], 7.5],
    [[0.25, 2, 9], 2],
    [[1, 2, 3, 10.04], 2.5],
  ])('returns the median of %j as %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
