import { matchCodes } from '../scan/match-codes.ts';

/**
 * A bidders' sheet (pasted from a spreadsheet, or read from .xlsx/.csv) as rows to check: every
 * row keeps its place and the name it gives, so 30 pasted lines come back as 30 rows, not as the
 * 27 codes left after duplicates are merged. The code column is the one most cells of which hold a
 * code; the name column is the one headed like a name (名称, 单位, 投标人, 供应商, name…), else the
 * one holding the most text that is not a code. A first row without a code is the header.
 */
export interface BidderRow {
  /** 1-based line of the sheet (the header counted). */
  line: number;
  /** The code found in the row; null when the row holds none. */
  code: string | null;
  /** The name the row gives beside the code; null when there is no name column. */
  name: string | null;
  /** The first earlier row with the same code (its `line`), when this row repeats it. */
  duplicateOf: number | null;
}

export interface BidderSheet {
  rows: BidderRow[];
  /** The header of the name column found (or its 1-based number), null when none was found. */
  nameColumn: string | null;
}

const NAME_HEADER = /名称|单位|企业|公司|投标人|供应商|申请人|主体|name|company|bidder|supplier/i;
const CODE_HEADER = /代码|信用代码|uscc|code/i;

const codeIn = (cell: string): string | null => matchCodes(cell)[0]?.code ?? null;

/** Splits pasted text into cells: tab-separated (as spreadsheets copy), else comma-separated with quotes. */
export function splitSheetText(text: string): string[][] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const tabbed = lines.some((l) => l.includes('\t'));
  return lines.map((line) => (tabbed ? line.split('\t') : splitCsvLine(line)).map((cell) => cell.trim()));
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',' || ch === '，') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Reads the rows of a sheet given as cells (first row possibly a header). */
export function readBidderRows(table: string[][]): BidderSheet {
  const width = Math.max(0, ...table.map((r) => r.length));
  const hasHeader = table.length > 0 && table[0]!.every((cell) => codeIn(cell) === null) && table[0]!.some((c) => c !== '');
  const header = hasHeader ? table[0]! : [];
  const body = table.slice(hasHeader ? 1 : 0);
  const counts = Array.from({ length: width }, (_, c) => body.filter((r) => codeIn(r[c] ?? '') !== null).length);
  const best = Math.max(0, ...counts);
  const headed = header.findIndex((h) => CODE_HEADER.test(h) && !NAME_HEADER.test(h.replace(CODE_HEADER, '')));
  const codeColumn = headed !== -1 && counts[headed]! > 0 ? headed : counts.indexOf(best);
  const nameColumn = findNameColumn(header, body, width, codeColumn);
  const firstLine = new Map<string, number>();
  const rows: BidderRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    const line = i + 1 + (hasHeader ? 1 : 0);
    // A code outside the code column still counts (a line that is only a code, a shifted cell).
    const code = (codeColumn >= 0 ? codeIn(cells[codeColumn] ?? '') : null) ?? codeIn(cells.join(' '));
    const name = nameColumn === -1 ? null : cells[nameColumn] || null;
    const duplicateOf = code === null ? null : (firstLine.get(code) ?? null);
    if (code !== null && duplicateOf === null) firstLine.set(code, line);
    rows.push({ line, code, name, duplicateOf });
  });
  return { rows, nameColumn: nameColumn === -1 ? null : header[nameColumn] || String(nameColumn + 1) };
}

function findNameColumn(header: string[], body: string[][], width: number, codeColumn: number): number {
  const headed = header.findIndex((h, c) => c !== codeColumn && NAME_HEADER.test(h) && !CODE_HEADER.test(h));
  if (headed !== -1) return headed;
  let best = -1;
  let bestCount = 0;
  for (let c = 0; c < width; c++) {
    if (c === codeColumn) continue;
    // A name: text of a few characters, mostly not digits, not a code.
    const count = body.filter((r) => {
      const cell = r[c] ?? '';
      return cell.length >= 4 && codeIn(cell) === null && !/^[\d\s.,:/-]+$/.test(cell);
    }).length;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return bestCount * 2 >= body.length && bestCount > 0 ? best : -1;
}
