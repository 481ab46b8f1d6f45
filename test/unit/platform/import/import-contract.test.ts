import { describe, expect, it } from 'vitest';
import { openTestRepositories } from '../../../support/test-engine.ts';
import { MAX_ENTRIES_PER_SUBJECT } from '../../../../core/api/api-limits.ts';
import { decodeTableText, TableEncodingError } from '../../../../platform/import/decode-table-text.ts';
import { importList } from '../../../../platform/import/import-list.ts';
import { readCsv } from '../../../../platform/import/read-table-file.ts';
import { DEMO_SUBJECTS, fixtureCode } from '../platform-harness.ts';

const HEADERS = [
  '主体名称',
  '统一社会信用代码',
  '名单类型',
  '列入类别',
  '列入原因',
  '认定依据',
  '文书号',
  '认定部门',
  '列入日期',
  '有效期至',
  '法定代表人',
  '法定代表人证件号码',
];
const code = fixtureCode('clear');
const other = DEMO_SUBJECTS[40]!.code;
const row = (over: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] => {
  const base: Record<string, string> = {
    主体名称: '武汉市汉阳区甲公司',
    统一社会信用代码: code,
    名单类型: '黑名单',
    列入类别: '围标串标',
    列入原因: '串通投标',
    认定依据: '《招标投标法》',
    文书号: '汉住罚〔2026〕9号',
    认定部门: '区住房和城市更新局',
    列入日期: '2026-01-05',
    有效期至: '2028-01-05',
    法定代表人: '张三',
    法定代表人证件号码: '420105198001011234',
  };
  return HEADERS.map((h) => over[h] ?? base[h]!);
};
const repos = () => openTestRepositories();

describe('importList against the answer contract', () => {
  it.each([
    ['an ID number of 600 characters', { 法定代表人证件号码: '4'.repeat(600) }, '法定代表人证件号码'],
    ['a legal representative of 501 characters', { 法定代表人: '张'.repeat(501) }, 'legalRepresentative'],
    ['a document number of 501 characters', { 文书号: '号'.repeat(501) }, 'documentNumber'],
    ['facts of 10001 characters', { 列入原因: '串'.repeat(10_001) }, '文本过长'],
  ])('returns the row rejected with its number and reason when it holds %s', async (_what, over, named) => {
    const r = await repos();
    const report = await importList(r, { headers: HEADERS, rows: [row({ 统一社会信用代码: other, 文书号: 'ok-1' }), row(over)] });
    expect(report.imported).toBe(1);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ row: 3, code });
    expect(report.rejected[0]!.reason).toContain(named);
    expect(await r.entries.listByCode(code)).toHaveLength(0);
  });

  it(`returns the ${MAX_ENTRIES_PER_SUBJECT + 1}st new entry of one subject rejected, while an entry imported again still updates`, async () => {
    const r = await repos();
    const rows = Array.from({ length: MAX_ENTRIES_PER_SUBJECT + 5 }, (_, i) => row({ 文书号: `汉住罚〔2026〕${i}号` }));
    const report = await importList(r, { headers: HEADERS, rows });
    expect(report.imported).toBe(MAX_ENTRIES_PER_SUBJECT);
    expect(report.rejected.map((x) => x.row)).toEqual([52, 53, 54, 55, 56]);
    expect(report.rejected[0]!.reason).toContain(`上限 ${MAX_ENTRIES_PER_SUBJECT} 条`);
    expect(await r.entries.listByCode(code)).toHaveLength(MAX_ENTRIES_PER_SUBJECT);
    const again = await importList(r, { headers: HEADERS, rows: [row({ 文书号: '汉住罚〔2026〕3号', 列入原因: '更正后的事实' })] });
    expect([again.updated, again.rejected.length]).toEqual([1, 0]);
  });

  it('returns cells without bidi and zero-width controls, with a warning', async () => {
    const r = await repos();
    const report = await importList(r, {
      headers: HEADERS,
      rows: [
        row({
          主体名称: '武汉\u202E司公甲\u202C市',
          法定代表人: '张\u200B三',
          法定代表人证件号码: '\u2066420105198001011234\u2069',
          列入原因: '第一行\n第二行\uFEFF',
        }),
      ],
    });
    expect(report.imported).toBe(1);
    expect(report.warnings.map((w) => w.row)).toEqual([2]);
    expect((await r.subjects.get(code))?.name).toBe('武汉司公甲市');
    const [entry] = await r.entries.listByCode(code);
    expect(entry).toMatchObject({ facts: '第一行\n第二行', persons: [{ name: '张三', idNumber: '420105198001011234' }] });
  });
});

/** A real GBK encoder, built from the platform's own GBK decoder: every two-byte GBK sequence and what it decodes to. */
function gbkEncoder(): (text: string) => Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const bytes: number[] = [];
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
      else {
        const pair = table.get(ch);
        if (!pair) throw new Error(`no GBK for ${ch}`);
        bytes.push(...pair);
      }
    }
    return new Uint8Array(bytes);
  };
}

describe("readCsv of a file's bytes", () => {
  const csv = `${[HEADERS, row()].map((r) => r.join(',')).join('\r\n')}\r\n`;

  it('returns the rows of a GBK-encoded CSV as a government export writes it, and imports them', async () => {
    const bytes = gbkEncoder()(csv);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const table = readCsv(bytes);
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(HEADERS);
    const r = await repos();
    expect((await importList(r, table)).imported).toBe(1);
    expect((await r.subjects.get(code))?.name).toBe('武汉市汉阳区甲公司');
    expect((await r.entries.listByCode(code))[0]).toMatchObject({
      category: '围标串标',
      department: '区住房和城市更新局',
      documentNumber: '汉住罚〔2026〕9号',
    });
  });

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]), 'utf-8'],
    ['UTF-8', new TextEncoder().encode(csv), 'utf-8'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...csv].map((c) => c.charCodeAt(0))).buffer)]), 'utf-16le'],
  ])('returns the same table from %s', (_what, bytes, encoding) => {
    const table = readCsv(bytes);
    expect([table.encoding, table.headers, table.rows]).toEqual([encoding, HEADERS, [row()]]);
  });

  it('returns a clear refusal for bytes that are neither UTF-8 nor GB18030', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('主体名称,code\n'), 0x81, 0x20, 0xff]);
    expect(() => decodeTableText(bytes)).toThrow(TableEncodingError);
    expect(() => readCsv(bytes)).toThrow(/GBK\/GB18030/);
  });
});
