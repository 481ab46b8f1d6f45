/**
 * A bidders' sheet chosen in the popup (.xlsx, .csv or .txt) as rows of cells for
 * core/sheet/read-bidder-rows.ts. CSV text is read as UTF-8 (with or without a byte-order mark)
 * and, when that fails, as GB18030 — what Excel saves in Chinese Windows. exceljs is loaded only
 * for an .xlsx file.
 */
import { splitSheetText } from '../../core/sheet/read-bidder-rows.ts';

/** The first sheet's cells as text. */
export async function readSheetFile(file: Blob & { name: string }): Promise<string[][]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.xlsx$/i.test(file.name)) return readXlsx(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return splitSheetText(text);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    while (table.length < number - 1) table.push([]);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text.trim());
    table.push(cells);
  });
  return table;
}
