import type { CallerStatedField, SignedCheckRecord } from '../api/check-record-schema.ts';
import { formulaSafe } from '../text/formula-safe.ts';

/**
 * The check record as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
 * Chinese correctly), one row per code, cells that a spreadsheet would run as formulas
 * (`=`, `+`, `-`, `@`, tab, CR) prefixed with an apostrophe (core/text/formula-safe.ts, the rule the
 * platform's csv-stringify exports share), since platform and page text is not ours.
 * Columns holding what the caller stated (record `callerStated`) say so in their header.
 */
export function recordToCsv(signed: SignedCheckRecord): string {
  const { record, signature } = signed;
  // What the caller stated is marked in its header (records from before `callerStated`: all of it).
  const stated = (field: CallerStatedField, name: string) => ((record.callerStated?.includes(field) ?? true) ? `${name}（调用方填写，平台未核实）` : name);
  const header = [
    '序号',
    '统一社会信用代码',
    '登记名称',
    stated('pageNames', '页面显示名称'),
    '名称一致',
    '核查结论',
    '原因',
    '有效名单条目',
    '适用措施',
    '数据时间',
    '数据版本',
    stated('operator', '查询人'),
    '部门',
    stated('caseReference', '业务编号'),
    '记录编号',
    '签名',
  ];
  const rows = record.items.map((item, i) => [
    String(i + 1),
    item.code,
    item.registeredName ?? '',
    item.pageName ?? '',
    item.nameMatches === null ? '' : item.nameMatches ? '一致' : '不一致',
    item.verdict,
    item.reason,
    item.entries.map((e) => `${e.list === 'black' ? '黑' : '红'}|${e.category}|${e.department}|${e.listedOn}至${e.validUntil ?? '长期'}|${e.state}`).join('; '),
    item.measures.map((m) => `${m.id} ${m.item}${m.suspended ? '（暂停）' : ''}`).join('; '),
    record.asOf,
    String(record.dataVersion),
    record.operator ?? '',
    record.department,
    record.caseReference ?? '',
    record.recordId,
    signature.value,
  ]);
  return '\ufeff' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// Not csv-stringify: the extension and the widget bundle this file, and csv-stringify/sync reads
// Node's global Buffer as it loads; its browser build carries a Buffer polyfill of 10 KB gzip
// (over a quarter of the widget's 35 KB budget) for quoting that is one line here.
function csvCell(value: string): string {
  const safe = formulaSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
