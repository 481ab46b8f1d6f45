import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestRepositories } from '../../../support/test-engine.ts';
import { importList } from '../../../../platform/import/import-list.ts';
import { parseListDate } from '../../../../platform/import/parse-list-date.ts';
import { readCsv, readXlsx } from '../../../../platform/import/read-table-file.ts';
import { DEMO_SUBJECTS, fixtureCode } from '../platform-harness.ts';

const HEADERS = ['主体名称', '统一社会信用代码', '名单类型', '列入类别', '列入原因', '认定依据', '文书号', '认定部门', '列入日期', '有效期至', '法定代表人'];
const good = fixtureCode('clear');
const other = DEMO_SUBJECTS[30]!.code;
const suspect = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
const ROWS = [
  ['武汉市汉阳区甲公司', good, '黑名单', '围标串标', '串通投标', '《招标投标法》', '汉住罚〔2026〕9号', '区住房和城市更新局', '2026/1/5', '2028-01-05', '张三'],
  ['乙公司', '12345', '黑名单', '非法集资', 'x', 'x', 'x', '区金融工作局', '2026-01-01', '', ''],
  ['丙公司', other, '红名单', '纳税信用A级纳税人', 'A级', 'x', '汉税公告〔2026〕1号', '区税务局', '2026-13-01', '', ''],
  ['丁公司', other, '灰名单', 'x', 'x', 'x', 'x', '区税务局', '2026-01-01', '', ''],
  ['戊公司', suspect, 'red', '纳税信用A级纳税人', 'A级', 'x', '汉税公告〔2026〕2号', '区税务局', '2026年2月1日', '长期', ''],
];

const repos = () => openTestRepositories();

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('红黑名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importList', () => {
  it('imports valid rows, rejects invalid ones with reasons, warns on suspect codes (CSV with BOM)', async () => {
    const r = await repos();
    const csv = `\uFEFF${[HEADERS, ...ROWS].map((row) => row.join(',')).join('\n')}\n`;
    const report = await importList(r, readCsv(csv));
    expect([report.imported, report.updated]).toEqual([2, 0]);
    expect(report.rejected.map((x) => [x.row, x.reason.split(' ')[0]])).toEqual([
      [3, '统一社会信用代码无效'],
      [4, '列入日期无效'],
      [5, '名单类型应为红名单或黑名单'],
    ]);
    expect(report.warnings.map((w) => w.row)).toEqual([6]);
    const [entry] = await r.entries.listByCode(good);
    expect(entry).toMatchObject({
      list: 'black',
      category: '围标串标',
      listedOn: '2026-01-05',
      validUntil: '2028-01-05',
      persons: [{ role: '法定代表人', name: '张三', idNumber: null }],
    });
    expect((await r.subjects.get(good))?.name).toBe('武汉市汉阳区甲公司');
    expect((await r.changes.since(0, 10)).map((c) => c.kind)).toEqual(['listed', 'listed']);
  });

  it('reads XLSX built with exceljs, including real date cells, and counts an entry imported again unchanged', async () => {
    const r = await repos();
    const rows = [HEADERS, [...ROWS[0]!.slice(0, 8), new Date(Date.UTC(2026, 0, 5)), '2028-01-05', '张三']];
    expect((await importList(r, await readXlsx(await xlsxOf(rows)))).imported).toBe(1);
    const again = await importList(r, await readXlsx(await xlsxOf(rows)));
    expect([again.imported, again.updated, again.unchanged]).toEqual([0, 0, 1]);
    expect(await r.entries.listByCode(good)).toHaveLength(1);
    expect((await r.changes.since(0, 10)).map((c) => c.kind)).toEqual(['listed']);
  });

  it('writes nothing in a dry run but reports the same', async () => {
    const r = await repos();
    const report = await importList(r, { headers: HEADERS, rows: ROWS }, { dryRun: true });
    expect([report.imported, report.rejected.length, report.dryRun]).toEqual([2, 3, true]);
    expect(await r.subjects.count()).toBe(0);
    expect(await r.changes.latest()).toBe(0);
  });

  it('rejects a file without a required column and imports nothing', async () => {
    const r = await repos();
    const report = await importList(r, { headers: HEADERS.filter((h) => h !== '认定部门'), rows: ROWS.map((row) => row.filter((_, i) => i !== 7)) });
    expect(report.fatal).toContain('认定部门');
    expect(await r.subjects.count()).toBe(0);
  });

  it('rolls everything back when the database fails midway', async () => {
    const r = await repos();
    // The second entry's insert fails, as a full disk would make it.
    if (r.sqlite) {
      r.sqlite.exec(
        `CREATE TRIGGER fail_second BEFORE INSERT ON entries WHEN (SELECT count(*) FROM entries) >= 1 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
      );
    } else {
      await sql`CREATE FUNCTION fail_second() RETURNS trigger AS $$ BEGIN IF (SELECT count(*) FROM entries) >= 1 THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(
        r.db,
      );
      await sql`CREATE TRIGGER fail_second BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION fail_second()`.execute(r.db);
    }
    await expect(importList(r, { headers: HEADERS, rows: ROWS })).rejects.toThrow(/disk on fire/);
    expect([await r.subjects.count(), await r.changes.latest()]).toEqual([0, 0]);
  });

  it('accepts English headers and a mapping of other names', async () => {
    const r = await repos();
    const headers = ['Company', 'uscc', 'list', 'category', 'department', 'listed on'];
    const report = await importList(
      r,
      { headers, rows: [['甲', good, 'black', '非法集资', '区金融工作局', '2026-01-01']] },
      { mapping: { Company: '主体名称' } },
    );
    expect(report.imported).toBe(1);
    expect((await r.subjects.get(good))?.name).toBe('甲');
  });
});

describe('parseListDate', () => {
  it.each([
    ['2026-01-05', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['20260105', '2026-01-05'],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['yesterday', null],
    ['', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseListDate(text)).toBe(expected);
  });
});

describe('importList on a long list', () => {
  it('imports a long list as row after row would: repeats are the same entry, the cap counts rows still to be written, the feed keeps row order', async () => {
    const r = await repos();
    const codes = DEMO_SUBJECTS.slice(0, 200).map((s) => s.code);
    const capped = codes[0]!;
    const row = (code: string, n: number) => [
      '某公司',
      code,
      '黑名单',
      '围标串标',
      '串通投标',
      '《招标投标法》',
      `汉住罚〔2026〕${n}号`,
      '区住房和城市更新局',
      '2026-01-05',
      '',
      '',
    ];
    const rows: string[][] = [];
    for (let n = 0; n < 2_400; n++) rows.push(row(codes[1 + (n % 199)]!, n));
    // One subject with 52 decisions in a row: the 51st and 52nd would pass the cap of 50.
    for (let n = 0; n < 52; n++) rows.splice(900 + n, 0, row(capped, 10_000 + n));
    // A row again within its chunk (the next row) and again beyond it (row 1,800).
    rows.splice(11, 0, rows[10]!);
    rows.splice(1_800, 0, rows[20]!);
    const report = await importList(r, { headers: HEADERS, rows });
    expect(report.rejected.map((x) => [x.row, x.code, x.reason.includes('已达上限 50 条')])).toEqual([
      [900 + 1 + 50 + 2, capped, true],
      [900 + 1 + 51 + 2, capped, true],
    ]);
    expect([report.imported, report.unchanged, report.updated]).toEqual([rows.length - 4, 2, 0]);
    expect((await r.entries.listByCode(capped)).length).toBe(50);
    const feed = await r.changes.since(0, 10_000);
    const imported = rows.filter((_, i) => i !== 11 && i !== 1_800 && i !== 900 + 1 + 50 && i !== 900 + 1 + 51);
    expect(feed.map((c) => c.kind).every((k) => k === 'listed')).toBe(true);
    expect(feed.map((c) => c.code)).toEqual(imported.map((cells) => cells[1]));
  });
});
