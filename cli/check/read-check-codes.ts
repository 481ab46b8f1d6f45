import { extname } from 'node:path';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { LIST_COLUMNS } from '../../platform/import/list-columns.ts';
import { readTableFile, type Table } from '../../platform/import/read-table-file.ts';

/** The codes of a spreadsheet column, or why they could not be read. */
export type CheckCodesFromFile = { ok: true; codes: string[]; column: string } | { ok: false; message: string };

const simplify = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/[\s_]+/g, ' ')
    .trim()
    .toLowerCase();
const looksLikeCode = (cell: string) => cell.trim() !== '' && parseUscc(cell).validity !== 'invalid';

/**
 * Which column of a table holds the codes: the one `--column` names, else one whose header is a
 * code header of published lists (统一社会信用代码, 信用代码, uscc, code…), else the column with the
 * most cells that read as codes. A header cell that is itself a code means the file has no header
 * row. Returns the column index and whether the first row is data.
 */
export function findCodeColumn(table: Table, wanted?: string): { index: number; headerIsData: boolean } | null {
  const headers = table.headers.map(simplify);
  if (wanted !== undefined) {
    const index = headers.indexOf(simplify(wanted));
    const numbered = /^\d+$/.test(wanted) ? Number(wanted) - 1 : -1;
    const at = index >= 0 ? index : numbered >= 0 && numbered < Math.max(table.headers.length, 1) ? numbered : -1;
    return at < 0 ? null : { index: at, headerIsData: looksLikeCode(table.headers[at] ?? '') };
  }
  const named = headers.findIndex((h) => LIST_COLUMNS.code.some((name) => simplify(name) === h));
  if (named >= 0) return { index: named, headerIsData: false };
  const width = Math.max(table.headers.length, ...table.rows.map((r) => r.length));
  let best = -1;
  let bestCount = 0;
  for (let c = 0; c < width; c++) {
    const count = [table.headers, ...table.rows].filter((row) => looksLikeCode(row[c] ?? '')).length;
    if (count > bestCount) [best, bestCount] = [c, count];
  }
  return best < 0 ? null : { index: best, headerIsData: looksLikeCode(table.headers[best] ?? '') };
}

/** Reads the codes to check from a .csv or .xlsx file (encodings as import reads them: UTF-8, UTF-16 with BOM, GBK/GB18030). */
export async function readCheckCodes(file: string, column?: string): Promise<CheckCodesFromFile> {
  const ext = extname(file).toLowerCase();
  if (!['.csv', '.txt', '.xlsx'].includes(ext)) return { ok: false, message: `不支持的文件类型 unsupported file type ${ext || '(none)'}: use .csv or .xlsx` };
  let table: Table;
  try {
    table = await readTableFile(file);
  } catch (error) {
    return { ok: false, message: `无法读取 cannot read ${file}: ${(error as Error).message}` };
  }
  const found = findCodeColumn(table, column);
  if (!found) {
    return {
      ok: false,
      message:
        column === undefined
          ? `未找到统一社会信用代码列 no column of codes found in ${file} (name it with --column)`
          : `没有列 no column "${column}" in ${file}`,
    };
  }
  const rows = found.headerIsData ? [table.headers, ...table.rows] : table.rows;
  const codes = rows.map((row) => (row[found.index] ?? '').trim()).filter((cell) => cell !== '');
  return { ok: true, codes, column: found.headerIsData ? `#${found.index + 1}` : (table.headers[found.index] ?? `#${found.index + 1}`) };
}
