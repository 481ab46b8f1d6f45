/**
 * The first-run hint on the page (issue 14): the built extension in Chromium with a fresh
 * profile, the reference platform serving demo/. The first page whose codes are marked shows a
 * small hint in the bottom-right corner of our closed overlay; its button opens the legend inside
 * it; closed, it never shows again, not even after a reload. The page cannot read it.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { saveSettings } from './fixtures/save-settings.ts';

declare const chrome: typeof import('wxt/browser').browser;

const ROOT = resolve(import.meta.dirname, '../..');
const HINT = '.first-run-hint';

describe('the first-run hint on the page', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let page: Page;
  let overlay: ExtensionOverlay;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, seed: true, staticDirs: [{ prefix: '/demo/', dir: resolve(ROOT, 'demo') }] });
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.department,
    });
    page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${platform.url}/demo/approval.html`);
    overlay = extensionOverlay(page);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close();
  });

  it('shows once codes are marked: small, bottom-right, unreadable by the page', async () => {
    await expect.poll(() => overlay.isVisible(HINT), { timeout: 20_000 }).toBe(true);
    expect(await overlay.text(HINT)).toContain('信用透镜已标出本页的统一社会信用代码。');
    const box = await (await overlay.element(HINT)).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const viewport = page.viewportSize()!;
    expect(box.width).toBeLessThanOrEqual(320);
    expect(box.height).toBeLessThanOrEqual(80);
    expect(box.right).toBeGreaterThan(viewport.width - 40);
    expect(box.bottom).toBeGreaterThan(viewport.height - 40);
    // Closed root: the page sees neither the hint nor its words.
    expect(
      await page.evaluate(() => ({
        root: document.querySelector('creditlens-overlay')?.shadowRoot ?? null,
        text: document.documentElement.innerText.includes('信用透镜已标出本页'),
      })),
    ).toEqual({ root: null, text: false });
    // A page printed for the file (a check record) carries no hint.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await overlay.isVisible(HINT)).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await overlay.isVisible(HINT)).toBe(true);
  });

  it('opens the legend inside the hint, and closes for good', async () => {
    await (await overlay.element(`${HINT} .hint-legend`)).click();
    await expect.poll(() => overlay.isVisible(`${HINT} [data-testid=legend] .cl-legend-list`), { timeout: 5000 }).toBe(true);
    expect(await overlay.count(`${HINT} .cl-legend-item`)).toBeGreaterThan(3);
    await (await overlay.element(`${HINT} .hint-close`)).click();
    await expect.poll(() => overlay.count(HINT), { timeout: 5000 }).toBe(0);
    await expect
      .poll(() => chromium.serviceWorker!.evaluate(async () => (await chrome.storage.local.get('firstRunHint')).firstRunHint), { timeout: 5000 })
      .toEqual({ dismissed: true });
  });

  it('does not come back after a reload', async () => {
    await page.reload();
    const fresh = extensionOverlay(page);
    // Codes marked again: the moment the hint would have shown.
    await expect.poll(() => fresh.count('.mark, .badge'), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => fresh.count(HINT), { timeout: 2000 }).toBe(0);
  });
});
