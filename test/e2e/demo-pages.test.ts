/**
 * The demo pages that `npm start` serves at /demo/: every code in them comes from the demo data
 * set (or is a deliberate suspect/invalid variant of one), each page shows exactly the codes
 * demo/expected-codes.json promises, and each page's own script works, also with the extension on.
 */
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchCodes } from '../../core/scan/match-codes.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';

/** The extension API inside the service worker, where `evaluate` callbacks run. */
declare const chrome: typeof import('wxt/browser').browser;

const ROOT = resolve(import.meta.dirname, '../..');
const DEMO = resolve(ROOT, 'demo');

interface PageExpectation {
  context: string;
  visible: string[];
  suspect: string[];
  invalid: string[];
  addedByButton?: string[];
  lateRows?: string[];
  page2?: string[];
  ignored?: Record<string, string>;
  nameMismatch?: { code: string; shownName: string; registeredName: string }[];
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;
const expected = (await readJson<{ pages: Record<string, PageExpectation> }>(resolve(DEMO, 'expected-codes.json'))).pages;
const subjects = await readJson<{ code: string; name: string | null; expectedVerdict: string }[]>(resolve(ROOT, 'platform/seed/demo-subjects.json'));
const demoCodes = new Map(subjects.map((s) => [s.code, s]));
const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

/** Every code a reader of the frame can see: rendered text plus the values of non-secret form fields. */
async function visibleCodes(frame: Page | Frame): Promise<string[]> {
  const text = await frame.evaluate(() => {
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=password]):not([type=hidden]), textarea')];
    return [document.body.innerText, ...fields.map((f) => f.value)].join('\n');
  });
  return sorted(matchCodes(text).map((m) => m.code));
}

async function waitForCodes(frame: Page | Frame, codes: string[], timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  let last: string[] = [];
  while (Date.now() < until) {
    last = await visibleCodes(frame);
    if (JSON.stringify(last) === JSON.stringify(sorted(codes))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toEqual(sorted(codes));
}

describe('demo page sources', () => {
  it('use only demo-data codes, or deliberate suspect/invalid variants of one (last character edited)', async () => {
    const files = (await readdir(DEMO)).filter((f) => /\.(html|js|json)$/.test(f) && !f.startsWith('widget-'));
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'approval.html', 'bid-evaluation.html', 'bidders-frame.html', 'late-rows.html', 'hostile.html']),
    );
    const strays: string[] = [];
    let seen = 0;
    for (const file of files) {
      const text = await readFile(resolve(DEMO, file), 'utf8');
      for (const [token] of text.matchAll(/(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/g)) {
        seen++;
        if (demoCodes.has(token)) continue;
        const validity = parseUscc(token).validity;
        const base = subjects.find((s) => s.code.slice(0, 17) === token.slice(0, 17));
        if (!base || validity === 'valid') strays.push(`${file}: ${token}`);
      }
    }
    expect(seen).toBeGreaterThan(80);
    expect(strays).toEqual([]);
  });

  it('declare their suspect and invalid codes truthfully', () => {
    for (const page of Object.values(expected)) {
      for (const code of page.suspect) expect(parseUscc(code).validity).toBe('suspect');
      for (const code of page.invalid) expect(parseUscc(code).validity).toBe('invalid');
      for (const code of page.visible.filter((c) => !page.suspect.includes(c) && !page.invalid.includes(c))) expect(demoCodes.has(code)).toBe(true);
    }
  });

  it('include a bidder whose name does not match the registered name of its code', () => {
    const [mismatch] = expected['bidders-frame.html']!.nameMismatch!;
    expect(demoCodes.get(mismatch!.code)!.name).toBe(mismatch!.registeredName);
    expect(mismatch!.shownName).not.toBe(mismatch!.registeredName);
  });

  it('declare their context in a meta tag and load no inline script', async () => {
    for (const [file, page] of Object.entries(expected)) {
      const html = await readFile(resolve(DEMO, file), 'utf8');
      expect(html).toContain(`<meta name="creditlens-context" content="${page.context}" />`);
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].filter(([, attrs]) => !/type="application\/json"/.test(attrs!));
      expect(inline).toEqual([]);
    }
  });
});

describe('demo pages in Chromium', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  const url = (file: string) => `${platform.url}/demo/${file}`;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, seed: true, staticDirs: [{ prefix: '/demo/', dir: DEMO }] });
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await platform?.close();
  });

  async function open(file: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const page = await chromium.context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(url(file));
    expect(response?.status()).toBe(200);
    return { page, dialogs, errors };
  }

  it('serves an index that links every page, Chinese first', async () => {
    const { page } = await open('index.html');
    const links = await page.$$eval('main a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const file of ['approval.html', 'bid-evaluation.html', 'late-rows.html', 'hostile.html']) expect(links).toContain(url(file));
    for (const link of links) expect((await page.request.get(link)).status(), link).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.close();
  });

  it('approval: shows the applicant field and table codes, and its button adds an applicant', async () => {
    const { page, errors } = await open('approval.html');
    const exp = expected['approval.html']!;
    await waitForCodes(page, exp.visible);
    await page.getByRole('button', { name: '添加联合申请人' }).click();
    await expect.poll(() => page.locator('#form-status').textContent()).toBe('已添加 1 名联合申请人');
    await waitForCodes(page, [...exp.visible, ...exp.addedByButton!]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('bid evaluation: 50 bidders inside the iframe, including suspect and invalid codes; both scripts work', async () => {
    const { page, errors } = await open('bid-evaluation.html');
    await waitForCodes(page, []);
    const frame = page.frameLocator('#bidders');
    await expect.poll(() => frame.locator('#bidder-table tbody tr').count()).toBe(50);
    const inner = page.frames().find((f) => f.url().endsWith('/bidders-frame.html'))!;
    const exp = expected['bidders-frame.html']!;
    await waitForCodes(inner, exp.visible);
    expect(exp.suspect.length).toBeGreaterThanOrEqual(2);
    expect(exp.invalid.length).toBeGreaterThanOrEqual(2);
    await frame.getByRole('button', { name: '计算总分' }).click();
    await expect.poll(() => frame.locator('#totals-status').textContent()).toBe('已计算 50 家投标人总分');
    expect(await frame.locator('#bidder-table tbody tr .total').first().textContent()).toMatch(/^\d+\.\d$/);
    await page.getByRole('button', { name: '提交评审意见' }).click();
    await expect.poll(() => page.locator('#review-status').textContent()).toContain('评审意见已提交');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('late rows: more rows arrive after a delay, and page 2 comes by pushState without a reload', async () => {
    const { page, errors } = await open('late-rows.html');
    const exp = expected['late-rows.html']!;
    expect(await visibleCodes(page)).toEqual(sorted(exp.visible));
    await waitForCodes(page, [...exp.visible, ...exp.lateRows!]);
    const marker = await page.evaluate(() => ((window as unknown as { __stay: number }).__stay = Math.random()));
    await page.getByRole('link', { name: '第 2 页' }).click();
    await waitForCodes(page, exp.page2!);
    expect(page.url()).toBe(url('late-rows.html?page=2'));
    expect(await page.evaluate(() => (window as unknown as { __stay: number }).__stay)).toBe(marker);
    await page.goBack();
    await waitForCodes(page, [...exp.visible, ...exp.lateRows!]);
    await page.getByRole('button', { name: '全部审核通过' }).click();
    await expect.poll(() => page.locator('#late-status').textContent()).toBe('已审核通过 8 家单位');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hostile: shows markup as text, never runs it, and hides its other codes from readers', async () => {
    const { page, dialogs, errors } = await open('hostile.html');
    const exp = expected['hostile.html']!;
    await waitForCodes(page, exp.visible);
    const visible = await visibleCodes(page);
    for (const code of Object.values(exp.ignored!)) expect(visible).not.toContain(code);
    expect(await page.locator('#huge-block').evaluate((el) => el.textContent!.length)).toBeGreaterThan(400_000);
    await page.getByRole('button', { name: '显示原文提示' }).click();
    await expect.poll(() => page.locator('#hostile-status').textContent()).toContain('已显示 1 次');
    expect(await page.locator('#warning-box').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#warning-box img, .letter img, .letter script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('demo pages with the extension loaded', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  const url = (file: string) => `${platform.url}/demo/${file}`;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, seed: true, staticDirs: [{ prefix: '/demo/', dir: DEMO }] });
    chromium = await launchChromium({ extension: true });
    await chromium.serviceWorker!.evaluate((platformUrl) => chrome.storage.local.set({ settings: { platformUrl } }), platform.url);
  });
  afterAll(async () => {
    await chromium?.close();
    await platform?.close();
  });

  it.each([
    ['approval.html', '添加联合申请人', '#form-status', '已添加 1 名联合申请人'],
    ['late-rows.html', '全部审核通过', '#late-status', '已审核通过'],
    ['hostile.html', '显示原文提示', '#hostile-status', '已显示 1 次'],
  ])('%s: the page’s own button still works', async (file, button, status, text) => {
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url(file));
    if (file === 'late-rows.html') await expect.poll(() => page.locator('#late-status').textContent(), { timeout: 5000 }).toBe('其余单位已加载');
    await page.getByRole('button', { name: button }).click();
    await expect.poll(() => page.locator(status).textContent()).toContain(text);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('bid-evaluation.html: the frame’s own button still works', async () => {
    const page = await chromium.context.newPage();
    await page.goto(url('bid-evaluation.html'));
    const frame = page.frameLocator('#bidders');
    await frame.getByRole('button', { name: '计算总分' }).click();
    await expect.poll(() => frame.locator('#totals-status').textContent()).toBe('已计算 50 家投标人总分');
    await page.close();
  });
});
