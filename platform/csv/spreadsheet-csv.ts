import { stringify } from 'csv-stringify/sync';
import { formulaSafe } from '../../core/text/formula-safe.ts';

/** A cell of a spreadsheet export: text (made formula-safe) or a number (written as is). */
export type SpreadsheetCell = string | number;

/**
 * Rows as CSV for spreadsheets, written by csv-stringify: UTF-8 with a byte-order mark (so Excel
 * reads the Chinese correctly), CRLF between and after rows, cells quoted when they hold a comma,
 * quote or line break, and text made formula-safe (core/text/formula-safe.ts, as csv-stringify's
 * string cast). Rows may differ in length. Every CSV the platform writes goes through here.
 */
export function spreadsheetCsv(rows: readonly (readonly SpreadsheetCell[])[]): string {
  // quote_record_delimiter: naming record_delimiter turns quoting of a lone \n or \r off otherwise.
  return stringify(rows as SpreadsheetCell[][], { bom: true, record_delimiter: '\r\n', quote_record_delimiter: true, cast: { string: formulaSafe } });
}
