/**
 * The batch check keeps the pasted rows (issue 14), end to end: the built extension in Chromium,
 * the reference platform with its demo data. A bidders' sheet of 30 rows — names beside codes,
 * three repeated codes, one wrong name — pasted from a spreadsheet or uploaded as .xlsx comes
 * back as 30 rows in sheet order with their names, duplicates marked (not merged) and the wrong
 * name flagged; the rows export to Excel (read back with exceljs) and feed a signed record.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { saveSettings } from './fixtures/save-settings.ts';

declare const chrome: typeof import('wxt/browser').browser;

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/screenshots');
const subjects = (
  JSON.parse(await readFile(resolve(ROOT, 'platform/seed/demo-subjects.json'), 'utf8')) as { role?: string; code: string; name: string | null }[]
).filter((s) => s.name && !s.role);
const WRONG_NAME = '武汉市汉阳区并不存在建设有限公司';

/** The sheet: header + 30 rows; rows 10, 20 and 30 repeat earlier codes; row 5 gives a wrong name. */
const distinct = subjects.slice(0, 27);
const sheet: { code: string; name: string }[] = [];
let next = 0;
while (sheet.length < 30) {
  const line = sheet.length + 2;
  if (line === 11 || line === 21 || line === 31) sheet.push({ ...sheet[line - 10]! });
  else {
    sheet.push({ code: distinct[next]!.code, name: next === 3 ? WRONG_NAME : distinct[next]!.name! });
    next++;
  }
}
const HEADER = ['序号', '投标人名称', '统一社会信用代码'];
const firstLineOf = (code: string) => sheet.findIndex((r) => r.code === code) + 2;

describe('batch check of a bidders’ sheet', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let popup: Page;
  let popupUrl: string;

  const rows = () =>
    popup.$$eval('[data-testid=batch-results] tbody tr', (trs) =>
      trs.map((tr) => ({
        line: Number(tr.getAttribute('data-line')),
        code: tr.getAttribute('data-code'),
        name: tr.querySelectorAll('td')[1]!.textContent,
        duplicateOf: tr.getAttribute('data-duplicate-of'),
        agrees: tr.getAttribute('data-name-agrees'),
        verdict: tr.getAttribute('data-verdict'),
      })),
    );

  async function expectSheetRows(): Promise<void> {
    await expect.poll(() => popup.locator('[data-testid=batch-progress]').textContent(), { timeout: 30_000 }).toBe(`核查完成，共 ${distinct.length} 个代码。`);
    const shown = await rows();
    expect(shown.map((r) => [r.line, r.code, r.name])).toEqual(sheet.map((r, i) => [i + 2, r.code, r.name]));
    expect(shown.filter((r) => r.duplicateOf !== null).map((r) => [r.line, Number(r.duplicateOf)])).toEqual([
      [11, firstLineOf(sheet[9]!.code)],
      [21, firstLineOf(sheet[19]!.code)],
      [31, firstLineOf(sheet[29]!.code)],
    ]);
    expect(
      shown.filter((r) => r.agrees === 'false').map((r) => r.name),
      JSON.stringify(shown.slice(0, 6)),
    ).toEqual([WRONG_NAME]);
    expect(shown.filter((r) => r.agrees === 'true')).toHaveLength(29);
    expect(shown.every((r) => r.verdict && r.verdict !== 'pending')).toBe(true);
    expect(await popup.locator('[data-testid=batch-rows-summary]').textContent()).toContain('共 30 行含代码，其中 3 行为重复。');
  }

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    platform = await startPlatform({ port: 0, seed: true, staticDirs: [{ prefix: '/demo/', dir: resolve(ROOT, 'demo') }] });
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.department,
    });
    const demo = await chromium.context.newPage();
    const url = `${platform.url}/demo/approval.html`;
    await demo.goto(url);
    const tabId = await chromium.serviceWorker!.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
    popup = await chromium.context.newPage();
    await popup.setViewportSize({ width: 720, height: 1000 });
    popupUrl = `chrome-extension://${chromium.extensionId}/popup.html?tabId=${tabId}&lang=zh_CN`;
    await popup.goto(popupUrl);
    // The page's own codes are answered first: the batch is not raced by the tab's first lookups
    // and the feed's first invalidations (a batch answered `pending` then is a known race of
    // core/query's store.get, reported separately).
    await popup.waitForFunction(
      () => {
        const trs = [...document.querySelectorAll('[data-testid=findings] tbody tr')];
        return trs.length > 0 && trs.every((tr) => tr.getAttribute('data-verdict') !== 'pending');
      },
      undefined,
      { timeout: 30_000 },
    );
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close();
  });

  it('keeps every pasted row in order with its name, marks duplicates and flags the wrong name', async () => {
    const pasted = [HEADER, ...sheet.map((r, i) => [String(i + 1), r.name, r.code])].map((cells) => cells.join('\t')).join('\n');
    await popup.locator('#batch-text').fill(pasted);
    await popup.locator('#batch-context').selectOption('procurement');
    await popup.getByRole('button', { name: '开始核查' }).click();
    await expectSheetRows();
    await popup.locator('[data-testid=batch-results]').scrollIntoViewIfNeeded();
    await popup.screenshot({ path: resolve(SHOTS, 'popup-batch-sheet.png'), fullPage: true });
  });

  it('exports the rows to Excel as shown: order, names, registered names, verdicts, duplicates', async () => {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('批量核查结果.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const table: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => table.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(table[0]).toEqual(['行号', '统一社会信用代码', '名单中的名称', '登记名称', '名称一致', '核查结论', '备注']);
    expect(table.slice(1).map((r) => [Number(r[0]), r[1], r[2]])).toEqual(sheet.map((r, i) => [i + 2, r.code, r.name]));
    expect(table[10]![6]).toBe(`重复（同第 ${firstLineOf(sheet[9]!.code)} 行）`);
    expect(table.filter((r) => r[4] === '不一致').map((r) => r[2])).toEqual([WRONG_NAME]);
    expect(table.slice(1).every((r) => r[5] !== '' && !/^[a-z]+$/.test(r[5]!))).toBe(true);
  });

  it('feeds the record: the sheet’s codes once each, its names compared with the registered ones', async () => {
    await popup.getByLabel(`批量核查的名单（${distinct.length} 个代码）`).check();
    await popup.getByRole('button', { name: '生成信用查询记录' }).click();
    await expect.poll(() => popup.locator('[data-testid=record-status]').textContent(), { timeout: 20_000 }).toContain('平台已签名');
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '下载 JSON' }).click()]);
    const { record } = JSON.parse(await readFile((await download.path())!, 'utf8')) as SignedCheckRecord;
    expect(record.items.map((i) => i.code)).toEqual(distinct.map((s) => s.code));
    expect(record.items.filter((i) => i.nameMatches === false).map((i) => i.pageName)).toEqual([WRONG_NAME]);
    expect(record.items.filter((i) => i.nameMatches === true)).toHaveLength(distinct.length - 1);
  });

  it('reads the same sheet uploaded as .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('投标人');
    ws.addRow(HEADER);
    sheet.forEach((r, i) => ws.addRow([i + 1, r.name, r.code]));
    const path = resolve(SHOTS, '../bidders-sheet.xlsx');
    await workbook.xlsx.writeFile(path);
    await popup.goto(popupUrl);
    await popup.locator('#batch-file').setInputFiles(path);
    await expect.poll(() => popup.locator('#batch-text').isDisabled(), { timeout: 10_000 }).toBe(true);
    await popup.getByRole('button', { name: '开始核查' }).click();
    await expectSheetRows();
  });
});
