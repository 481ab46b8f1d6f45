import { stringify } from 'csv-stringify/sync';
import { formulaSafe } from '../../core/text/formula-safe.ts';

/**
 * One CSV cell, written by csv-stringify with the formula-safe cast: quoted when it holds a comma,
 * quote or line break, text starting like a formula prefixed with an apostrophe.
 * @deprecated Write whole tables with platform/csv/spreadsheet-csv.ts (`spreadsheetCsv(rows)`);
 * this stays only until the assessment exports use it, then goes.
 */
export function csvCell(value: string | number): string {
  return stringify([[value]], { eof: false, cast: { string: formulaSafe } });
}
