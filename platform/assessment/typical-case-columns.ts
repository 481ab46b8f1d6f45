import { glossary } from '../../core/present/glossary.ts';
import type { TypicalCase } from '../../core/api/typical-case-schema.ts';

const KIND = { incentive: '守信激励', punishment: '失信惩戒' } as const;
const OUTCOME = glossary('zh-CN').outcomes;

/** The columns of the typical-case export (CSV and .xlsx): Chinese headers and each value as text. */
export const TYPICAL_CASE_COLUMNS: readonly { header: string; value(t: TypicalCase): string }[] = [
  { header: '类型', value: (t) => KIND[t.kind] },
  { header: '部门', value: (t) => t.feedback.department },
  { header: '统一社会信用代码', value: (t) => t.feedback.code },
  { header: '案件编号', value: (t) => t.feedback.caseReference },
  { header: '措施编号', value: (t) => t.feedback.measureId },
  { header: '措施', value: (t) => t.measureItem },
  { header: '实施结果', value: (t) => OUTCOME[t.feedback.outcome] },
  { header: '反馈时间', value: (t) => t.feedback.receivedAt },
  { header: '标记时间', value: (t) => t.markedAt },
  { header: '标记人', value: (t) => t.markedBy ?? '' },
  { header: '典型案例说明', value: (t) => t.note },
];
