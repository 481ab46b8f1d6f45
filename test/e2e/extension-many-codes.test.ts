/**
 * A page of thousands of codes in one table, inside one form (as ASP.NET pages are), with the
 * built extension in Chromium and the reference platform on loopback: the codes on screen are
 * marked, only those near the viewport stay in the page's highlights, and the tab stays responsive
 * to what the page does next — a row it adds is marked and answered, the last codes once scrolled to.
 * The name check (三要素) once read the whole table for every code, which kept such a tab's main
 * thread busy for minutes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCodes } from './fixtures/generated-codes.ts';
import { highlightKindOf } from './fixtures/highlight-kind.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

const ROWS = 4_000;

function bigPage(codes: string[]): string {
  const rows = codes.map((code, i) => `<tr><td>${i + 1}</td><td>武汉某某${i}建设有限公司</td><td>${code}</td><td>已受理</td><td>材料齐全</td></tr>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>投标人名单</title></head><body><form action="#"><table id="t"><thead><tr><th>序号</th><th>投标人名称</th><th>统一社会信用代码</th><th>状态</th><th>备注</th></tr></thead><tbody>${rows.join('')}</tbody></table></form></body></html>`;
}

/** How many of the page's ranges are in each of our highlights. */
const sizes = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...CSS.highlights].map(([name, h]) => [name, h.size]))) as Promise<Record<string, number>>;
// The suspect and name-mismatch flags are laid over a verdict: not codes marked.
const FLAGS = ['creditlens-suspect', 'creditlens-name-mismatch'];
const marked = (s: Record<string, number>) => Object.entries(s).reduce((n, [name, size]) => (FLAGS.includes(name) ? n : n + size), 0);

/** The code cells the person can see now, and how many of them no highlight holds. */
const onScreen = (page: Page) =>
  page.evaluate((flags) => {
    const painted = new Set<Node>();
    for (const [name, h] of CSS.highlights) if (!flags.includes(name)) for (const r of h) painted.add(r.startContainer);
    let shown = 0;
    let unpainted = 0;
    for (const cell of document.querySelectorAll('#t tbody td:nth-child(3)')) {
      const r = cell.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight) continue;
      shown++;
      if (!painted.has(cell.firstChild!)) unpainted++;
    }
    return { shown, unpainted };
  }, FLAGS);

describe('extension on a page of thousands of codes', () => {
  let platform: RunningPlatform;
  let browser: LaunchedChromium;
  let dir: string;
  let black: string;

  beforeAll(async () => {
    black = (await demoSubjects()).find((s) => s.role === 'black')!.code;
    dir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-many-'));
    await writeFile(join(dir, 'bidders.html'), bigPage(generatedCodes(ROWS, 4_000)));
    platform = await startPlatform({ port: 0, dbPath: join(dir, 'platform.db'), seed: true, staticDirs: [{ prefix: '/e2e/', dir }] });
    browser = await launchChromium({ extension: true });
    await saveSettings(browser.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.viewer,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 3600,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it("marks the codes on screen, keeps only those near it in the page's highlights, and still marks a row the page adds afterwards", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${platform.url}/e2e/bidders.html`);
    await expect.poll(async () => (await onScreen(page)).unpainted, { timeout: 30_000 }).toBe(0);
    expect((await onScreen(page)).shown).toBeGreaterThan(5);
    // The codes on screen are answered (not listed); the rest wait, unasked, until they are shown.
    await expect.poll(async () => (await sizes(page))['creditlens-clear'] ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    // Far codes leave the registry (every DOM change makes Chromium rebuild the markers of all of them).
    await expect.poll(async () => marked(await sizes(page)), { timeout: 30_000 }).toBeLessThan(ROWS / 4);
    // The name check runs over every code after the findings settle; the page's next row must not wait for it.
    await page.evaluate((code) => {
      const row = document.createElement('tr');
      for (const text of ['0', '武汉某某新增有限公司', code, '已受理', '']) row.appendChild(document.createElement('td')).textContent = text;
      document.querySelector('#t tbody')!.prepend(row);
    }, black);
    await expect.poll(async () => (await sizes(page))['creditlens-black'] ?? 0, { timeout: 15_000 }).toBe(1);
    // Scrolled to the end, the last codes are painted and asked for.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(async () => (await onScreen(page)).unpainted, { timeout: 15_000 }).toBe(0);
    const last = await page.evaluate(() => document.querySelector('#t tbody tr:last-child td:nth-child(3)')!.textContent!);
    await expect.poll(() => highlightKindOf(page, last), { timeout: 15_000 }).toBe('clear');
    await page.close();
  });
});
