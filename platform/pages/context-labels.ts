import type { CheckContext } from '../../core/api/check-context-schema.ts';

/** Where a check happened, as the printed record names it. */
export const CONTEXT_LABELS: Record<CheckContext, string> = {
  approval: '行政审批 approval',
  procurement: '政府采购与公共资源交易 procurement',
  funding: '财政资金 funding',
  honours: '评优评先 honours',
  licensing: '行政许可 licensing',
  inspection: '监督检查 inspection',
  general: '通用 general',
};
