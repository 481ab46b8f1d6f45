import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeTableText, type DecodedText } from './decode-table-text.ts';

/** A table read from a file: its header row and the data rows as text. */
export interface Table {
  headers: string[];
  rows: string[][];
  /** The encoding a CSV file was read in (decodeTableText); absent for .xlsx and for text passed in. */
  encoding?: DecodedText['encoding'];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result instanceof Date ? value.result.toISOString().slice(0, 10) : String(value.result ?? '');
    return '';
  }
  return String(value);
}

/** Reads the first sheet of an .xlsx file (dates become YYYY-MM-DD). */
export async function readXlsx(data: Buffer | ArrayBuffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    table.push(cells);
  });
  return { headers: table[0] ?? [], rows: table.slice(1).filter((r) => r.some((c) => c !== '')) };
}

/** Parses CSV text, or the bytes of a CSV file in UTF-8 (with or without BOM), UTF-16 with BOM or GBK/GB18030 (decodeTableText). */
export function readCsv(input: string | Uint8Array): Table {
  const decoded = typeof input === 'string' ? null : decodeTableText(input);
  const records = parse(decoded ? decoded.text : input, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  return { headers: records[0] ?? [], rows: records.slice(1), ...(decoded && { encoding: decoded.encoding }) };
}

/** Reads a .csv or .xlsx file by its extension. */
export async function readTableFile(path: string): Promise<Table> {
  const data = await readFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return readXlsx(data);
  if (ext === '.csv' || ext === '.txt') return readCsv(data);
  throw new Error(`unsupported file type ${ext}: use .csv or .xlsx`);
}
