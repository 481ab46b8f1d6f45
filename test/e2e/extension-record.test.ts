/**
 * The check record (信用查询记录) and the name/code check (三要素) end to end: the built extension
 * in Chromium, the reference platform serving demo/ at /demo/, the bid-evaluation demo page with
 * its 50-bidder frame. The mismatched name row must be flagged on the page, in the card and in
 * the popup; a record made from the popup must verify with the platform, a one-character edit
 * must not, and the print page and the CSV must carry it. The frame's flags and card live in the
 * extension's closed shadow root, reached through `extensionOverlay` (CDP).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { encode } from 'uqr';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { recordToCsv } from '../../core/record/record-to-csv.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { saveSettings } from './fixtures/save-settings.ts';

declare const chrome: typeof import('wxt/browser').browser;

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/screenshots');
const expected = JSON.parse(await readFile(resolve(ROOT, 'demo/expected-codes.json'), 'utf8')).pages['bidders-frame.html'] as {
  visible: string[];
  nameMismatch: { code: string; shownName: string; registeredName: string }[];
};
const MISMATCH = expected.nameMismatch[0]!;
const PROJECT = 'HYCG-2026-0318';
const PROJECT_NAME = '汉阳区2026年度市政道路养护服务采购项目';

describe('check record and name/code check on the bid-evaluation page', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let demo: Page;
  let frame: Frame;
  let popup: Page;
  let tabId: number;
  let signedText: string;

  const verify = async (body: string) => {
    const res = await fetch(`${platform.url}/api/v1/records/verify`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(res.status).toBe(200);
    return (await res.json()) as { valid: boolean; reason: string };
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    platform = await startPlatform({ port: 0, seed: true, staticDirs: [{ prefix: '/demo/', dir: resolve(ROOT, 'demo') }] });
    chromium = await launchChromium({ extension: true });
    const sw = chromium.serviceWorker!;
    await saveSettings(sw, {
      platformUrl: platform.url,
      token: platform.tokens.department,
      operator: '王立',
      changesPollSeconds: 5,
    });
    demo = await chromium.context.newPage();
    const url = `${platform.url}/demo/bid-evaluation.html`;
    await demo.goto(url);
    tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
    frame = demo.frame({ url: /bidders-frame\.html/ })!;
    popup = await chromium.context.newPage();
    await popup.setViewportSize({ width: 640, height: 900 });
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${tabId}&lang=zh_CN`);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close();
  });

  it('flags the row whose name is not the code’s registered name, on the page and in the card', async () => {
    const highlighted = () =>
      frame.evaluate(() =>
        [...(CSS.highlights.get('creditlens-name-mismatch') ?? [])].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)),
      );
    // Codes are asked for once shown (issue 10, finding 3): the person scrolls to the row.
    await frame.locator('td.code', { hasText: MISMATCH.code }).scrollIntoViewIfNeeded();
    await expect.poll(highlighted, { timeout: 20_000 }).toEqual([MISMATCH.code]);
    const overlay = extensionOverlay(demo, frame);
    const tag = `.name-flag[data-code="${MISMATCH.code}"]`;
    await expect.poll(() => overlay.count(tag), { timeout: 5000 }).toBe(1);
    expect(await overlay.text(tag)).toContain('名称与代码不符');
    await expect
      .poll(
        async () => {
          await overlay.focus(`.mark[data-code="${MISMATCH.code}"]`).catch(() => undefined);
          return overlay.isVisible('.card');
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const notice = '.card .cl-mismatch-notice';
    await expect.poll(() => overlay.text(notice), { timeout: 10_000 }).toContain(MISMATCH.shownName);
    expect(await overlay.text(notice)).toContain(MISMATCH.registeredName);
    await demo.screenshot({ path: resolve(SHOTS, 'extension-name-mismatch.png') });
    // No other row of the frame is flagged (their names agree).
    expect(await (await overlay.root()).$$eval('.name-flag', (els) => [...new Set(els.map((e) => e.getAttribute('data-code')))])).toEqual([MISMATCH.code]);
    await demo.keyboard.press('Escape');
  });

  it('lists the mismatch in the popup', async () => {
    const row = popup.locator(`[data-testid=name-mismatches] tr[data-code="${MISMATCH.code}"]`);
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.textContent()).toContain(MISMATCH.shownName);
    expect(await popup.locator('[data-testid=name-mismatches] tbody tr').count()).toBe(1);
  });

  it('makes a signed record of every code on the page that verifies, and a one-character edit does not', async () => {
    await expect.poll(() => popup.locator('[data-testid=findings] tbody tr').count(), { timeout: 20_000 }).toBe(expected.visible.length);
    // The page shows its project number: the record starts with it.
    await expect.poll(() => popup.locator('#record-case').inputValue(), { timeout: 10_000 }).toBe(PROJECT);
    await popup.locator('#record-project').fill(PROJECT_NAME);
    await popup.getByRole('button', { name: '生成信用查询记录' }).click();
    await expect.poll(() => popup.locator('[data-testid=record-status]').textContent(), { timeout: 20_000 }).toContain('平台已签名');
    await popup.screenshot({ path: resolve(SHOTS, 'popup-record.png'), fullPage: true });

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '下载 JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^信用查询记录-.+\.json$/);
    signedText = await readFile((await download.path())!, 'utf8');
    const signed = JSON.parse(signedText) as SignedCheckRecord;
    const { record } = signed;
    expect(record.items.map((i) => i.code).sort()).toEqual([...new Set(expected.visible)].sort());
    expect(record).toMatchObject({ context: 'procurement', caseReference: PROJECT, projectName: PROJECT_NAME, operator: '王立' });
    expect(record.source.url).toBe(`${platform.url}/demo/bid-evaluation.html`);
    expect(record.department).not.toBe('匿名');
    expect(record.items.find((i) => i.code === MISMATCH.code)).toMatchObject({
      pageName: MISMATCH.shownName,
      registeredName: MISMATCH.registeredName,
      nameMatches: false,
    });
    expect(record.items.filter((i) => i.nameMatches === false)).toHaveLength(1);

    expect(await verify(signedText)).toMatchObject({ valid: true, reason: 'ok' });
    const at = signedText.indexOf(MISMATCH.registeredName);
    const edited = signedText.slice(0, at) + '汗' + signedText.slice(at + 1);
    expect(edited).not.toBe(signedText);
    expect(await verify(edited)).toMatchObject({ valid: false, reason: 'bad-signature' });
  });

  it('exports the same record as CSV', async () => {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '下载 CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff序号,统一社会信用代码')).toBe(true);
    const line = csv.split('\r\n').find((l) => l.includes(MISMATCH.code))!;
    expect(line).toContain('不一致');
    expect(csv.trim().split('\r\n')).toHaveLength(new Set(expected.visible).size + 1);
    // In words and Beijing time (issue 14): no `clear`/`black`, no UTC instant.
    expect(csv).not.toMatch(/,(clear|black|red|watch|disputed|invalid|unknown),/);
    expect(csv).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(line).toContain('黑名单');
  });

  it('exports the same columns as an Excel workbook, in Chinese', async () => {
    const csv = recordToCsv(JSON.parse(signedText) as SignedCheckRecord);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '下载 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^信用查询记录-.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const csvRows = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]!.join(',')).toBe(csvRows[0]);
    expect(rows).toHaveLength(csvRows.length);
    const mismatch = rows.find((r) => r[1] === MISMATCH.code)!;
    expect(mismatch[4]).toBe('不一致');
    expect(rows.slice(1).every((r) => /[\u4e00-\u9fff]/.test(r[5]!))).toBe(true);
  });

  it('opens the platform’s print page with the record, which says the signature is valid', async () => {
    const recordId = (JSON.parse(signedText) as SignedCheckRecord).record.recordId;
    const [printPage] = await Promise.all([chromium.context.waitForEvent('page'), popup.getByRole('button', { name: '打印' }).click()]);
    await printPage.waitForURL(/\/records\/print/, { timeout: 15_000 });
    await expect.poll(() => printPage.locator('body').textContent(), { timeout: 15_000 }).toContain('签名有效');
    expect(await printPage.locator('body').textContent()).toContain(recordId);
    expect(printPage.url()).not.toContain('#');
    await printPage.screenshot({ path: resolve(SHOTS, 'record-print.png'), fullPage: true });

    // Printed as Chromium prints it: A4 PDF pages, rasterized as screenshots (issue 14).
    const pdfPath = resolve(SHOTS, 'record-print.pdf');
    await writeFile(pdfPath, await printPage.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    // Fifty-odd bidders in compact rows, details of listed ones after: a few pages, not twelve.
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    // pdftotext drops the spaces between CJK characters and digits.
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`)));
    for (const words of ['核查结果汇总', '项目名称', PROJECT_NAME, '项目编号', PROJECT, '经办人（签字）', '复核人（签字）', '北京时间', '王立'])
      expect(text).toContain(words);
    const verifyUrl = `${platform.url}/records/verify?id=${recordId}`;
    expect(text.replace(/\s+/g, '')).toContain(verifyUrl);
    // Chinese labels only: no English label, no measure id, no npm command, no UTC instant.
    expect(text).not.toMatch(/Operator|Department|Check record|Signature|Record ID|npm run|\d{4}-\d\d-\d\dT\d\d:/);
    expect(text).not.toMatch(/\bP\d+-\d+\b/);
    // The QR code is the printed verify URL's.
    const { data } = encode(verifyUrl, { ecc: 'M', border: 2 });
    let path = '';
    data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
    expect(await printPage.locator('svg.qr path').getAttribute('d')).toBe(path);
    const stem = resolve(SHOTS, 'record-print-page');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, stem]);
    const shots = (await readdir(SHOTS)).filter((f) => f.startsWith('record-print-page') && f.endsWith('.png'));
    expect(shots).toHaveLength(pages.length);
    await printPage.close();
  });

  it('keeps the last record when the popup is opened again, and records a pasted list', async () => {
    const recordId = (JSON.parse(signedText) as SignedCheckRecord).record.recordId;
    await popup.reload();
    await expect.poll(() => popup.locator('[data-testid=record]').getAttribute('data-record-id'), { timeout: 10_000 }).toBe(recordId);
    await popup.getByLabel('粘贴的代码列表').check();
    const pasted = expected.visible.slice(0, 3);
    await popup.locator('#record-text').fill(`投标人代码\n${pasted.join('\n')}\n`);
    await popup.getByRole('button', { name: '生成信用查询记录' }).click();
    await expect.poll(() => popup.locator('[data-testid=record]').getAttribute('data-record-id'), { timeout: 20_000 }).not.toBe(recordId);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '下载 JSON' }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const { record } = JSON.parse(text) as SignedCheckRecord;
    expect(record.items.map((i) => i.code)).toEqual(pasted);
    expect(record.source.url).toBeNull();
    expect(await verify(text)).toMatchObject({ valid: true });
  });

  it('offers a record only to its tab, page and case; a failed record leaves no print button', async () => {
    const bidRecord = await popup.locator('[data-testid=record]').getAttribute('data-record-id');
    expect(bidRecord).not.toBeNull();
    // Another tab (the approval page): its popup offers no record of the bid page.
    const approval = await chromium.context.newPage();
    const approvalUrl = `${platform.url}/demo/approval.html`;
    await approval.goto(approvalUrl);
    const approvalTab = await chromium.serviceWorker!.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, approvalUrl);
    const other = await chromium.context.newPage();
    await other.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${approvalTab}&lang=zh_CN`);
    await expect.poll(() => other.locator('[data-testid=findings] tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await other.locator('[data-testid=record-section][data-loaded=true]').waitFor();
    expect(await other.locator('[data-testid=record]').count()).toBe(0);
    expect(await other.getByRole('button', { name: '打印' }).count()).toBe(0);
    await other.screenshot({ path: resolve(SHOTS, 'popup-record-other-tab.png'), fullPage: true });
    // The bid tab's popup still has its own.
    await popup.reload();
    await expect.poll(() => popup.locator('[data-testid=record]').getAttribute('data-record-id'), { timeout: 10_000 }).toBe(bidRecord);
    // The same tab on another page: not offered either (once that page has reported itself).
    const recordsShown = async () => {
      await popup.reload();
      await popup.locator('[data-testid=record-section][data-loaded=true]').waitFor();
      return popup.locator('[data-testid=record]').count();
    };
    await demo.goto(`${platform.url}/demo/bidders-frame.html`);
    await expect.poll(recordsShown, { timeout: 20_000 }).toBe(0);
    // Back on the bid page it is offered again; a failed attempt (a pasted list without codes) drops it and its print button.
    await demo.goto(`${platform.url}/demo/bid-evaluation.html`);
    await expect.poll(recordsShown, { timeout: 20_000 }).toBe(1);
    await popup.getByLabel('粘贴的代码列表').check();
    await popup.locator('#record-text').fill('没有代码');
    await popup.getByRole('button', { name: '生成信用查询记录' }).click();
    await expect.poll(() => popup.locator('[data-testid=record-status]').textContent(), { timeout: 10_000 }).toBe('没有可记录的代码。');
    expect(await popup.locator('[data-testid=record]').count()).toBe(0);
    expect(await popup.getByRole('button', { name: '打印' }).count()).toBe(0);
    expect(await recordsShown()).toBe(0);
    await approval.close();
    await other.close();
  });
});
