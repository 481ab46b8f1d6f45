import { VERDICT_KINDS } from '../../core/api/check-record-schema.ts';
import type { OutcomeCounts, StatsResponse } from '../../core/api/stats-schema.ts';
import { glossary } from '../../core/present/glossary.ts';
import { verdictLabel } from '../../core/verdict/verdict-labels.ts';
import { spreadsheetCsv, type SpreadsheetCell } from '../csv/spreadsheet-csv.ts';

const outcomes = (c: OutcomeCounts) => [c.total, c.applied, c['not-applicable'], c.exempted];

/**
 * The statistics as one CSV table for spreadsheets (spreadsheet-csv.ts: BOM, CRLF, formula-safe): one row per figure,
 * columns 分类 / 项目 / 名称 / values, so sections of different shapes share one sheet.
 */
export function statsToCsv(stats: StatsResponse): string {
  const rows: SpreadsheetCell[][] = [
    [
      '分类 section',
      '项目 item',
      '名称 name',
      '数量 count',
      ...(['applied', 'not-applicable', 'exempted'] as const).map((o) => `${glossary('zh-CN').outcomes[o]} ${glossary('en').outcomes[o]}`),
    ],
    ['期间 period', '起止 from–to', `${stats.from} — ${stats.to}`],
    ['范围 scope', '部门 department', stats.department ?? '全部 all'],
    ['查询 checks', '查询次数 queries', '', stats.checks.queries],
    ['查询 checks', '查询代码数 codes', '', stats.checks.codes],
    ['查询 checks', '出具记录 records', '', stats.checks.records],
    ...stats.checks.byDepartment.map((d) => ['查询 checks（部门）', `${d.queries} 次 queries`, d.department, d.codes]),
    ...VERDICT_KINDS.map((k) => ['核查结论 verdicts', k, verdictLabel(k, 'zh-CN').short, stats.verdicts[k]]),
    ['反馈 feedback', '合计 total', '', ...outcomes(stats.feedback)],
    ...stats.feedback.byDepartment.map((d) => ['反馈 feedback（部门）', '', d.department, ...outcomes(d)]),
    ...stats.feedback.byMeasure.map((m) => ['反馈 feedback（措施）', m.measureId, m.item, ...outcomes(m)]),
    ['异议 objections', '提出 filed', '', stats.objections.filed],
    ['异议 objections', '办结 resolved', '', stats.objections.resolved],
    ['异议 objections', '成立 upheld', '', stats.objections.upheld],
    ['异议 objections', '不成立 rejected', '', stats.objections.rejected],
  ];
  return spreadsheetCsv(rows);
}
