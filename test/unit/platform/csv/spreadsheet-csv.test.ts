import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { spreadsheetCsv } from '../../../../platform/csv/spreadsheet-csv.ts';

describe('spreadsheetCsv', () => {
  it('returns a byte-order mark, CRLF after every row and rows of any length', () => {
    expect(spreadsheetCsv([['部门', '数量'], ['武汉', 3, ''], ['x']])).toBe('\ufeff部门,数量\r\n武汉,3,\r\nx\r\n');
  });

  it('returns text that starts like a formula behind an apostrophe, and negative numbers as numbers', () => {
    expect(spreadsheetCsv([['=1+1', '+x', '-x', '@x', '\tx', -1, 0]])).toBe("\ufeff'=1+1,'+x,'-x,'@x,'\tx,-1,0\r\n");
  });

  it('returns cells with commas, quotes and line breaks quoted, so a CSV reader gets the text back', () => {
    const cells = ['a,b', 'say "hi"', 'two\nlines', 'cr\rlf', '=HYPERLINK("http://x")'];
    const csv = spreadsheetCsv([cells]);
    expect(csv).toBe('\ufeff"a,b","say ""hi""","two\nlines","cr\rlf","\'=HYPERLINK(""http://x"")"\r\n');
    expect(parse(csv, { bom: true })).toEqual([[...cells.slice(0, 4), `'${cells[4]}`]]);
  });
});
