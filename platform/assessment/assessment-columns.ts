import type { AssessmentResponse, DepartmentAssessment } from '../../core/api/assessment-schema.ts';

type Figures = AssessmentResponse['totals'];

/** A column of the league table: its Chinese header, its value, and whether the value is a rate (0–1). */
export interface AssessmentColumn {
  header: string;
  value(row: Figures & { rank?: number; department?: string }): string | number | null;
  rate?: true;
}

/** The league table's columns, in order — one list for the CSV and the .xlsx export. */
export const ASSESSMENT_COLUMNS: readonly AssessmentColumn[] = [
  { header: '排名', value: (r) => r.rank ?? '' },
  { header: '部门', value: (r) => r.department ?? '合计' },
  { header: '查询次数', value: (r) => r.checks },
  { header: '查询主体数', value: (r) => r.codes },
  { header: '命中数', value: (r) => r.hits },
  { header: '其中黑名单（惩戒）', value: (r) => r.blackHits },
  { header: '其中红名单（激励）', value: (r) => r.redHits },
  { header: '已反馈', value: (r) => r.closed },
  { header: '未反馈', value: (r) => r.open },
  { header: '逾期未反馈', value: (r) => r.overdue },
  { header: '逾期后反馈', value: (r) => r.closedLate },
  { header: '反馈率', value: (r) => r.feedbackRate, rate: true },
  { header: '反馈用时中位数（天）', value: (r) => r.medianDaysToFeedback },
  { header: '提出异议', value: (r) => r.objectionsFiled },
  { header: '异议核实中', value: (r) => r.objectionsPending },
  { header: '异议成立', value: (r) => r.objectionsUpheld },
  { header: '异议不成立', value: (r) => r.objectionsRejected },
  { header: '典型案例', value: (r) => r.typicalCases },
];

/** The line above the table: what it covers and under which rule. */
export function assessmentCaption(a: AssessmentResponse): string {
  const scope = a.department ?? '全部部门';
  const calendar = a.calendar.covered
    ? ''
    : `；注意：期间涉及未收录节假日安排的年份（已收录 ${a.calendar.coveredYears.join('、')} 年），按周一至周五计算工作日`;
  return `信用透镜 · 部门信用联合奖惩落实情况考核（${scope}）：${a.from} 至 ${a.to}；反馈时限 ${a.workingDays} 个工作日；截至 ${a.judgedOn}${calendar}`;
}

/** Every row of the table: the departments, then the totals. */
export function assessmentRows(a: AssessmentResponse): (Figures & { rank?: number; department?: string })[] {
  return [...a.departments, a.totals] satisfies (DepartmentAssessment | Figures)[];
}
