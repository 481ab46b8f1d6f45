/**
 * Issue 10, finding 5 and issue 11's outage card: with the platform stopped, an answer older than
 * the freshness window (3 s here) is asked again when it is shown — a page load, a card opened —
 * and shows unknown with its last answer and that answer's age, never "√ 未列入（刚刚）". The built
 * extension in Chromium against the reference platform, stopped and restarted on its port; while
 * it is down the page is served from disk.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { highlightKindOf as kindOf } from './fixtures/highlight-kind.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects, renderPages } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

/** The verdict painted for `code` in CSS.highlights (flags left out). */

describe('extension during a platform outage, past the freshness window', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let dbDir: string;
  let pagesDir: string;
  let port: number;
  let page: Page;
  let overlay: ExtensionOverlay;
  const codes: Record<string, string> = {};
  let blackName = '';

  const start = (p: number) =>
    startPlatform({ port: p, dbPath: join(dbDir, 'platform.db'), seed: true, log: false, staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });
  const cardOf = async (code: string) => {
    await overlay.openCard(`.mark[data-code="${code}"]`);
    return (await overlay.text('.card')) ?? '';
  };

  beforeAll(async () => {
    const subjects = await demoSubjects();
    const black = subjects.find((s) => s.role === 'black')!;
    blackName = black.name;
    Object.assign(codes, { black: black.code, clear: subjects.find((s) => s.role === 'clear')!.code });
    pagesDir = await renderPages(codes, ['outage.html']);
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-outage-'));
    platform = await start(0);
    port = platform.port;
    chromium = await launchChromium({ extension: true });
    await saveSettings(
      chromium.serviceWorker!,
      // 0.05 min = 3 s of freshness.
      { platformUrl: platform.url, token: platform.tokens.viewer, sites: [], freshnessMinutes: 0.05, changesPollSeconds: 1 },
    );
    page = await chromium.context.newPage();
    // While the platform is down it cannot serve the page: serve it from disk all along.
    await page.route('**/e2e/*.html', (route) => route.fulfill({ path: join(pagesDir, new URL(route.request().url()).pathname.split('/').pop()!) }));
    await page.goto(`${platform.url}/e2e/outage.html`);
    overlay = extensionOverlay(page);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('returns unknown with 上次结果：黑名单 and the answer’s age after a reload past the freshness window', async () => {
    await expect.poll(() => kindOf(page, codes.black!), { timeout: 20_000 }).toBe('black');
    await expect.poll(() => kindOf(page, codes.clear!), { timeout: 20_000 }).toBe('clear');
    await platform.close();
    await page.waitForTimeout(4_000);
    await page.reload();
    await expect.poll(() => kindOf(page, codes.clear!), { timeout: 20_000 }).toBe('unknown');
    await expect.poll(() => kindOf(page, codes.black!), { timeout: 20_000 }).toBe('unknown');
    const card = await cardOf(codes.black!);
    expect(card).toContain(blackName);
    expect(card).toContain('未能核查');
    expect(card).toContain('上次结果：黑名单');
    expect(card).toMatch(/数据时间：\d+ 秒前/);
    expect(card).not.toContain('刚刚');
    await page.keyboard.press('Escape');
    const clearCard = await cardOf(codes.clear!);
    expect(clearCard).toContain('上次结果：未列入');
    expect(clearCard).not.toContain('√');
    await page.keyboard.press('Escape');
  }, 60_000);

  it('returns unknown when a card is opened past the freshness window, without a reload', async () => {
    platform = await start(port);
    await expect.poll(() => kindOf(page, codes.clear!), { timeout: 40_000 }).toBe('clear');
    await expect.poll(() => kindOf(page, codes.black!), { timeout: 40_000 }).toBe('black');
    await platform.close();
    await page.waitForTimeout(4_000);
    // Nothing was shown again yet: still the old answer on the page, marked by its age.
    expect(await kindOf(page, codes.clear!)).toBe('clear');
    // Escape left focus on the marker: move it to the page first, so focusing the marker opens the card.
    await page.locator('h1').click();
    await overlay.openCard(`.mark[data-code="${codes.clear}"]`);
    await expect.poll(() => kindOf(page, codes.clear!), { timeout: 20_000 }).toBe('unknown');
    await expect.poll(() => overlay.text('.card'), { timeout: 10_000 }).toContain('上次结果：未列入');
    expect(await overlay.text('.card')).not.toContain('刚刚');
    await page.keyboard.press('Escape');
  }, 90_000);
});
