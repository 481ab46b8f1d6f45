import ExcelJS from 'exceljs';
import type { TypicalCase } from '../../core/api/typical-case-schema.ts';
import { formulaSafe } from '../../core/text/formula-safe.ts';
import { spreadsheetCsv } from '../csv/spreadsheet-csv.ts';
import { TYPICAL_CASE_COLUMNS } from './typical-case-columns.ts';

/** Typical cases as CSV (csv/spreadsheet-csv.ts: BOM, CRLF, formula-safe text), Chinese headers. */
export function typicalCasesToCsv(cases: readonly TypicalCase[]): string {
  const rows = [TYPICAL_CASE_COLUMNS.map((c) => c.header), ...cases.map((t) => TYPICAL_CASE_COLUMNS.map((c) => c.value(t)))];
  return spreadsheetCsv(rows);
}

/** Typical cases as an .xlsx workbook (sheet 典型案例), text written as text. */
export async function typicalCasesToXlsx(cases: readonly TypicalCase[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '信用透镜 CreditLens';
  const sheet = workbook.addWorksheet('典型案例');
  sheet.addRow(TYPICAL_CASE_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const t of cases) sheet.addRow(TYPICAL_CASE_COLUMNS.map((c) => formulaSafe(c.value(t))));
  TYPICAL_CASE_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(12, c.header.length * 2 + 4)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
