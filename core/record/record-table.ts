import type { CallerStatedField, SignedCheckRecord } from '../api/check-record-schema.ts';
import { glossary } from '../present/glossary.ts';
import { chinaDateTimeSeconds } from '../time/china-time.ts';
import { verdictLabel, type VerdictLocale } from '../verdict/verdict-labels.ts';

/**
 * The check record as one table, the columns every spreadsheet export shares (CSV and XLSX): one
 * row per code in the record's order, verdicts and states in words (never `clear`/`black`), times
 * in Beijing time, measures by name (never the catalogue's internal ids); lists and entry states
 * in the glossary's words. Columns holding what
 * the caller stated (record `callerStated`) say so in their header.
 */
export interface RecordTable {
  header: string[];
  rows: string[][];
}

const WORDS = {
  'zh-CN': {
    header: [
      '序号',
      '统一社会信用代码',
      '登记名称',
      '页面显示名称',
      '名称一致',
      '核查结论',
      '原因',
      '有效名单条目',
      '适用措施',
      '数据时间（北京时间）',
      '数据版本',
      '查询人',
      '部门',
      '项目编号',
      '项目名称',
      '记录编号',
      '签名',
    ],
    stated: '（调用方填写，平台未核实）',
    matches: { yes: '一致', no: '不一致' },
    until: '至',
    open: '长期',
    suspended: '（暂停适用）',
  },
  en: {
    header: [
      'No.',
      'Unified social credit code',
      'Registered name',
      'Name on the page',
      'Names agree',
      'Result',
      'Reason',
      'Entries in force',
      'Measures',
      'Data as of (Beijing time)',
      'Data version',
      'Operator',
      'Department',
      'Project number',
      'Project name',
      'Record ID',
      'Signature',
    ],
    stated: ' (stated by the caller, not checked by the platform)',
    matches: { yes: 'Yes', no: 'No' },
    until: ' to ',
    open: 'open-ended',
    suspended: ' (suspended)',
  },
} as const;

/** Which header holds a caller-stated field. */
const STATED_COLUMNS: Partial<Record<number, CallerStatedField>> = { 3: 'pageNames', 11: 'operator', 13: 'caseReference', 14: 'projectName' };

/** Beijing time for an ISO instant; anything else unchanged. */
function beijing(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : chinaDateTimeSeconds(new Date(t));
}

/** The record's table in `locale` (Chinese by default). */
export function recordTable(signed: SignedCheckRecord, locale: VerdictLocale = 'zh-CN'): RecordTable {
  const { record, signature } = signed;
  const w = WORDS[locale];
  const g = glossary(locale);
  // What the caller stated is marked in its header (records from before `callerStated`: all of it but the project name).
  const isStated = (field: CallerStatedField) => record.callerStated?.includes(field) ?? field !== 'projectName';
  const header = w.header.map((name, i) => {
    const field = STATED_COLUMNS[i];
    return field && isStated(field) ? `${name}${w.stated}` : name;
  });
  const rows = record.items.map((item, i) => [
    String(i + 1),
    item.code,
    item.registeredName ?? '',
    item.pageName ?? '',
    item.nameMatches === null ? '' : item.nameMatches ? w.matches.yes : w.matches.no,
    verdictLabel(item.verdict, locale).short,
    item.reason,
    item.entries
      .map((e) => `${g.lists[e.list]}|${e.category}|${e.department}|${e.listedOn}${w.until}${e.validUntil ?? w.open}|${g.entryStates[e.state]}`)
      .join('; '),
    item.measures.map((m) => `${m.item}${m.suspended ? w.suspended : ''}`).join('; '),
    beijing(record.asOf),
    String(record.dataVersion),
    record.operator ?? '',
    record.department,
    record.caseReference ?? '',
    record.projectName ?? '',
    record.recordId,
    signature.value,
  ]);
  return { header, rows };
}
