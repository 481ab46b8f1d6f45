import type { SignedCheckRecord } from '../api/check-record-schema.ts';
import type { VerdictLocale } from '../verdict/verdict-labels.ts';
import { recordTable } from './record-table.ts';
import { formulaSafe } from '../text/formula-safe.ts';

/**
 * The check record as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
 * Chinese correctly), the columns of `recordTable` (verdicts in words, Beijing times; the XLSX
 * export has the same), cells that a spreadsheet would run as formulas (`=`, `+`, `-`, `@`, tab,
 * CR) prefixed with an apostrophe (core/text/formula-safe.ts, the rule the platform's
 * csv-stringify exports share), since platform and page text is not ours.
 */
export function recordToCsv(signed: SignedCheckRecord, locale: VerdictLocale = 'zh-CN'): string {
  const { header, rows } = recordTable(signed, locale);
  return '\ufeff' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// Not csv-stringify: the extension and the widget bundle this file, and csv-stringify/sync reads
// Node's global Buffer as it loads; its browser build carries a Buffer polyfill of 10 KB gzip
// (over a quarter of the widget's 35 KB budget) for quoting that is one line here.
function csvCell(value: string): string {
  const safe = formulaSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
