import type { AssessmentResponse } from '../../core/api/assessment-schema.ts';
import { spreadsheetCsv, type SpreadsheetCell } from '../csv/spreadsheet-csv.ts';
import { ASSESSMENT_COLUMNS, assessmentCaption, assessmentRows } from './assessment-columns.ts';

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/**
 * The league table as CSV for spreadsheets (csv/spreadsheet-csv.ts: UTF-8 with BOM, CRLF,
 * formula-safe text — department names are not ours to trust): a caption line, the Chinese
 * headers, one row per department and a 合计 row. Missing figures (no hits) are left empty.
 */
export function assessmentToCsv(a: AssessmentResponse): string {
  const rows: SpreadsheetCell[][] = [
    [assessmentCaption(a)],
    ASSESSMENT_COLUMNS.map((c) => c.header),
    ...assessmentRows(a).map((row) =>
      ASSESSMENT_COLUMNS.map((c) => {
        const v = c.value(row);
        return v === null ? '' : c.rate && typeof v === 'number' ? percent(v) : v;
      }),
    ),
  ];
  return spreadsheetCsv(rows);
}
