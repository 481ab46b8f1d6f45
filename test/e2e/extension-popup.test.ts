/**
 * The popup end to end: built extension in Chromium, the real reference platform on an ephemeral
 * port serving demo/ at /demo/. The popup is opened as a tab at `popup.html?tabId=<id>` (a tab has
 * no "current tab" of its own) and must list the page's codes with their verdicts, re-check, and
 * batch-check a pasted column of codes with visible progress. `&lang=zh_CN` pins the primary
 * locale: a bare Linux Chromium has no Chinese UI resources and would choose English.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';

/** The extension API inside the service worker, where `evaluate` callbacks run. */
declare const chrome: typeof import('wxt/browser').browser;

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/screenshots');
const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(resolve(ROOT, path), 'utf8')) as T;
const subjects = await readJson<{ role?: string; code: string; name: string | null; expectedVerdict: string }[]>('platform/seed/demo-subjects.json');
const pages = (await readJson<{ pages: Record<string, { visible: string[]; suspect: string[]; invalid: string[] }> }>('demo/expected-codes.json')).pages;
const byCode = new Map(subjects.map((s) => [s.code, s]));
const role = (name: string) => subjects.find((s) => s.role === name)!;

/** `[code, verdict]` rows of a table in the popup. */
const rowsOf = (page: Page, testId: string) =>
  page.$$eval(`[data-testid=${testId}] tbody tr`, (trs) => trs.map((tr) => [tr.getAttribute('data-code')!, tr.getAttribute('data-verdict')!] as const));

describe('popup', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let demo: Page;
  let popup: Page;
  let tabId: number;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    platform = await startPlatform({ port: 0, seed: true, staticDirs: [{ prefix: '/demo/', dir: resolve(ROOT, 'demo') }] });
    chromium = await launchChromium({ extension: true });
    const sw = chromium.serviceWorker!;
    await sw.evaluate((platformUrl) => chrome.storage.local.set({ settings: { platformUrl } }), platform.url);
    demo = await chromium.context.newPage();
    const pageUrl = `${platform.url}/demo/approval.html`;
    await demo.goto(pageUrl);
    tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, pageUrl);
    popup = await chromium.context.newPage();
    await popup.setViewportSize({ width: 640, height: 800 });
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${tabId}&lang=zh_CN`);
  });
  afterAll(async () => {
    await chromium?.close();
    await platform?.close();
  });

  it('lists every code of the page with its verdict, most urgent first, and counts per verdict', async () => {
    const expected = pages['approval.html']!;
    const settled = async () => {
      const rows = await rowsOf(popup, 'findings');
      return rows.length >= expected.visible.length && rows.every(([, kind]) => kind !== 'pending');
    };
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    await popup.screenshot({ path: resolve(SHOTS, 'popup-findings.png'), fullPage: true });
    expect((await rowsOf(popup, 'findings')).map(([code]) => code).sort()).toEqual([...expected.visible].sort());
    const rows = new Map(await rowsOf(popup, 'findings'));
    expect(rows.get(role('black').code)).toBe('black');
    expect(rows.get(role('red').code)).toBe('red');
    expect(rows.get(role('disputed').code)).toBe('disputed');
    expect(rows.get(role('watch').code)).toBe('watch');
    expect(rows.get(role('expired-stale').code)).toBe('clear');
    expect((await rowsOf(popup, 'findings'))[0]![1]).toBe('black');
    const suspectRow = popup.locator(`[data-testid=findings] tr[data-code="${expected.suspect[0]}"]`);
    await expect.poll(() => suspectRow.textContent()).toContain('校验位不符');
    expect(await suspectRow.textContent()).not.toContain('代码无效');
    expect(await popup.locator('#summary-title').textContent()).toBe(`本页共发现 ${expected.visible.length} 个代码`);
    const blackCount = await popup.locator('[data-testid=summary] li[data-verdict=black] .summary-count').textContent();
    expect(Number(blackCount)).toBe([...rows.values()].filter((k) => k === 'black').length);
    // Screen readers: a captioned table with column headers and a row header per code.
    expect(await popup.locator('[data-testid=findings] caption').textContent()).toBe('本页代码及核查结论');
    expect(await popup.locator('[data-testid=findings] thead th[scope=col]').count()).toBe(4);
    expect(await popup.locator('[data-testid=findings] tbody th[scope=row]').count()).toBe(expected.visible.length);
  });

  it('picks up a code the page adds later', async () => {
    const added = role('black-multiple').code;
    await demo.getByRole('button', { name: '添加联合申请人' }).click();
    await expect.poll(async () => new Map(await rowsOf(popup, 'findings')).get(added), { timeout: 15_000 }).toBe('black');
  });

  it('re-checks the tab from the keyboard and announces the result', async () => {
    await popup.getByRole('button', { name: '立即重新核查' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('[data-testid=recheck-status]').textContent(), { timeout: 15_000 }).toMatch(/^已重新核查 \d+ 个代码。$/);
  });

  it('batch-checks a pasted column of codes, showing progress and every result in order', async () => {
    const real = subjects.filter((s) => s.expectedVerdict !== s.role && s.name && !s.role).slice(0, 120);
    const suspect = pages['bidders-frame.html']!.suspect[0]!;
    const invalid = pages['bidders-frame.html']!.invalid[0]!;
    const column = ['统一社会信用代码', ...real.map((s) => s.code), suspect, invalid, '（空）'].join('\n');
    await popup.locator('#batch-text').fill(column);
    await popup.locator('#batch-context').selectOption('procurement');
    // Record every progress text the popup shows, so a fast batch cannot hide its progress.
    await popup.evaluate(() => {
      const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=batch-progress]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await popup.getByRole('button', { name: '开始核查' }).click();
    const total = real.length + 2;
    await expect.poll(() => popup.locator('[data-testid=batch-progress]').textContent(), { timeout: 30_000 }).toBe(`核查完成，共 ${total} 个代码。`);
    const progress = await popup.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(progress[0]).toMatch(/^正在核查：已完成 \d+ \/ 122$/);
    expect(await popup.locator('[data-batch-progress], progress').first().getAttribute('value')).toBe(String(total));
    const rows = await rowsOf(popup, 'batch-results');
    expect(rows.map(([code]) => code)).toEqual([...real.map((s) => s.code), suspect, invalid]);
    for (const [code, kind] of rows.slice(0, real.length)) {
      const subject = byCode.get(code)!;
      // Anonymous reads: entries shared only inside government are not visible.
      expect([subject.expectedVerdict, (subject as { anonymousVerdict?: string }).anonymousVerdict]).toContain(kind);
    }
    expect(rows.at(-1)![1]).toBe('invalid');
    // A suspect code is queried all the same; the platform does not know it, so its row is invalid,
    // never clear (issue 11), and carries the doubt.
    expect(rows.at(-2)![1]).toBe('invalid');
    expect(await popup.locator(`[data-testid=batch-results] tr[data-code="${suspect}"]`).textContent()).toContain('校验位不符');
    await popup.screenshot({ path: resolve(SHOTS, 'popup-batch.png'), fullPage: true });
  });

  it('says so when the tab is not a checked page', async () => {
    const blank = await chromium.context.newPage();
    await blank.goto('about:blank');
    const blankId = await chromium.serviceWorker!.evaluate(async () => (await chrome.tabs.query({ url: 'about:blank' }))[0]?.id ?? -1);
    const other = await chromium.context.newPage();
    await other.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${blankId}&lang=zh_CN`);
    await expect.poll(() => other.locator('main').textContent(), { timeout: 10_000 }).toMatch(/本页面未启用核查|本页未发现统一社会信用代码/);
    await other.close();
    await blank.close();
  });

  it('speaks the language the browser chose from _locales when not pinned', async () => {
    const other = await chromium.context.newPage();
    await other.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${tabId}`);
    const [recheck, tag] = await other.evaluate(() => [chrome.i18n.getMessage('recheck'), chrome.i18n.getMessage('localeTag')]);
    expect(['zh-CN', 'en']).toContain(tag);
    await expect.poll(() => other.getByRole('button', { name: recheck }).count(), { timeout: 10_000 }).toBe(1);
    expect(await other.locator('html').getAttribute('lang')).toBe(tag);
    await other.screenshot({ path: resolve(SHOTS, `popup-findings-${tag}.png`), fullPage: true });
    await other.close();
  });
});
