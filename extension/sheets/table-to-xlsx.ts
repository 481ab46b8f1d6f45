/**
 * A table as an Excel workbook (.xlsx) for the popup's downloads: one sheet, a bold frozen header
 * row, every cell as text made formula-safe (core/text/formula-safe.ts), as the CSV exports do.
 * exceljs is loaded only when a workbook is made, so the popup opens without it.
 */
import { formulaSafe } from '../../core/text/formula-safe.ts';

/** The .xlsx bytes of `header` + `rows` on one sheet named `sheetName`. */
export async function tableToXlsx(sheetName: string, header: string[], rows: string[][]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(formulaSafe));
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(
      ...[header[i] ?? '', ...rows.map((r) => r[i] ?? '')].map((text) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0)),
    );
    column.width = Math.min(Math.max(widest + 2, 6), 60);
  });
  const bytes = await workbook.xlsx.writeBuffer();
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
