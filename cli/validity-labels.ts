import type { UsccReason, UsccValidity } from '../core/uscc/uscc-types.ts';

/** Bilingual labels for validity values in human-readable CLI output. */
export const VALIDITY_LABELS: Record<UsccValidity, string> = {
  valid: '有效 valid',
  suspect: '校验位不符 suspect',
  invalid: '无效 invalid',
};

/** Bilingual labels for failed checks in human-readable CLI output. */
export const REASON_LABELS: Record<UsccReason, string> = {
  length: '长度 length',
  charset: '字符 charset',
  authority: '登记管理部门 authority',
  category: '机构类别 category',
  region: '行政区划 region',
  checksum: '校验位 checksum',
};
