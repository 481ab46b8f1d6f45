import { describe, expect, it } from 'vitest';
import { readBidderRows, splitSheetText } from '../../../../core/sheet/read-bidder-rows.ts';

const A = '91420105MA4KR02024';
const B = '91420105MA4K6A7743';
const C = '91420102MA4KD7D21U';

describe('splitSheetText', () => {
  it.each([
    [
      'tab-separated (copied from a spreadsheet)',
      `序号\t名称\t代码\n1\t甲公司\t${A}\n`,
      [
        ['序号', '名称', '代码'],
        ['1', '甲公司', A],
      ],
    ],
    [
      'comma-separated with quotes',
      `名称,代码\r\n"甲, 乙公司",${A}`,
      [
        ['名称', '代码'],
        ['甲, 乙公司', A],
      ],
    ],
    ['one code a line', `${A}\n${B}`, [[A], [B]]],
  ])('splits %s', (_what, text, cells) => {
    expect(splitSheetText(text)).toEqual(cells);
  });
});

describe('readBidderRows', () => {
  it('keeps every row in order with its name, and marks duplicates instead of merging them', () => {
    const sheet = readBidderRows(
      splitSheetText(`序号\t投标人名称\t统一社会信用代码\n1\t甲公司\t${A}\n2\t乙公司\t${B}\n3\t甲公司（重复）\t${A}\n4\t丙公司\t（未填）\n5\t丁公司\t${C}`),
    );
    expect(sheet.nameColumn).toBe('投标人名称');
    expect(sheet.rows).toEqual([
      { line: 2, code: A, name: '甲公司', duplicateOf: null },
      { line: 3, code: B, name: '乙公司', duplicateOf: null },
      { line: 4, code: A, name: '甲公司（重复）', duplicateOf: 2 },
      { line: 5, code: null, name: '丙公司', duplicateOf: null },
      { line: 6, code: C, name: '丁公司', duplicateOf: null },
    ]);
  });

  it('finds the name column without a header by its text, and none in a bare column of codes', () => {
    expect(
      readBidderRows([
        [A, '武汉市甲建设有限公司'],
        [B, '武汉市乙建设有限公司'],
      ]).rows.map((r) => r.name),
    ).toEqual(['武汉市甲建设有限公司', '武汉市乙建设有限公司']);
    const bare = readBidderRows(splitSheetText(`统一社会信用代码\n${A}\n${B}\n（空）`));
    expect(bare.nameColumn).toBeNull();
    expect(bare.rows.map((r) => [r.line, r.code])).toEqual([
      [2, A],
      [3, B],
      [4, null],
    ]);
  });
});
