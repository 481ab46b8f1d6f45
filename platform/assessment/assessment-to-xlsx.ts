import ExcelJS from 'exceljs';
import type { AssessmentResponse } from '../../core/api/assessment-schema.ts';
import { ASSESSMENT_COLUMNS, assessmentCaption, assessmentRows } from './assessment-columns.ts';
import { formulaSafe } from '../../core/text/formula-safe.ts';

/**
 * The league table as an .xlsx workbook (sheet 部门考核): the caption, bold Chinese headers, one
 * row per department and a 合计 row; rates as percentages. Text is written as text (never a
 * formula), with a leading apostrophe where a spreadsheet would otherwise run it when re-typed
 * (core/text/formula-safe.ts, the one rule of every CSV and XLSX).
 */
export async function assessmentToXlsx(a: AssessmentResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '信用透镜 CreditLens';
  const sheet = workbook.addWorksheet('部门考核');
  sheet.addRow([assessmentCaption(a)]);
  const head = sheet.addRow(ASSESSMENT_COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  for (const row of assessmentRows(a)) {
    sheet.addRow(
      ASSESSMENT_COLUMNS.map((c) => {
        const v = c.value(row);
        return typeof v === 'string' ? formulaSafe(v) : v;
      }),
    );
  }
  ASSESSMENT_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(8, c.header.length * 2 + 2);
    if (c.rate) column.numFmt = '0.0%';
  });
  sheet.getColumn(2).width = 24;
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
