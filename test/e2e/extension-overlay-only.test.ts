/**
 * Issue 12: the extension on Chromium cores older than the CSS Custom Highlight API (105), as
 * 360, QQ and 信创 browsers often are. The built extension, in Chromium, with the overlay-only
 * switch set (`highlightApi: false`): the content script withholds the Highlight API from its own
 * JavaScript world, so the scanner takes the path it takes where the API is missing. Every code
 * must still be marked — by outlined overlay markers with the right verdict — and its card must
 * open; nothing is painted into the page's `CSS.highlights`. The built manifest declares the
 * oldest Chromium we support, and the bundles carry webextension-polyfill.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { EXTENSION_DIR, launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects, renderPages } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

const ROLES = ['black', 'red', 'watch', 'clear'] as const;

/** Our highlights in the page's registry, by name (the page's world: what its scripts could read). */
const ourHighlights = (page: Page) =>
  page.evaluate(() => {
    const names: string[] = [];
    for (const [name, h] of CSS.highlights) if (name.startsWith('creditlens-') && h.size > 0) names.push(name);
    return names;
  });

describe('the extension on a Chromium core without the Highlight API (overlay only)', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let dbDir: string;
  let pagesDir: string;
  let page: Page;
  let overlay: ExtensionOverlay;
  const codes: Record<string, string> = {};

  /** The overlay's marker for `code`: its class and verdict, or null while there is none. */
  const marker = async (code: string) => {
    const found = await (await overlay.root()).$(`.mark[data-code="${code}"]`);
    return found ? { className: await found.getAttribute('class'), kind: await found.getAttribute('data-kind') } : null;
  };

  beforeAll(async () => {
    const subjects = await demoSubjects();
    for (const role of ROLES) codes[role] = subjects.find((s) => s.role === role)!.code;
    pagesDir = await renderPages(codes, ['overlay-only.html']);
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-overlay-only-'));
    platform = await startPlatform({ port: 0, dbPath: join(dbDir, 'platform.db'), seed: true, log: false, staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.viewer,
      sites: [],
      highlightApi: false,
    });
    page = await chromium.context.newPage();
    await page.goto(`${platform.url}/e2e/overlay-only.html`);
    overlay = extensionOverlay(page);
    // A frame learns the switch when it starts (frameConfig), and the background may still have
    // been reading the settings just written. A verdict from this platform proves it has them:
    // then the page is loaded again, and this load is the one the tests look at.
    await vi.waitFor(async () => expect((await marker(codes.black!))?.kind).toBe('black'), { timeout: 20_000, interval: 200 });
    await page.reload();
    overlay = extensionOverlay(page);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('marks every code with an outlined overlay marker carrying its verdict', async () => {
    for (const role of ROLES) {
      await expect.poll(() => marker(codes[role]!), { timeout: 20_000 }).toEqual({ className: 'mark fallback', kind: role });
    }
  });

  it('paints nothing into the page’s CSS.highlights, though this Chromium has the API', async () => {
    expect(await page.evaluate(() => typeof CSS.highlights?.set)).toBe('function');
    expect(await ourHighlights(page)).toEqual([]);
  });

  it('opens the card of a marked code with its verdict and registered name', async () => {
    const black = (await demoSubjects()).find((s) => s.role === 'black')!;
    await overlay.openCard(`.mark[data-code="${codes.black}"]`);
    expect(await overlay.attribute('.card', 'data-code')).toBe(codes.black);
    expect(await overlay.attribute('.card', 'data-kind')).toBe('black');
    // The list snapshot may paint the verdict first; the registered name comes with the full answer.
    await expect.poll(() => overlay.text('.card'), { timeout: 15_000 }).toContain(black.name);
  });

  it('declares the oldest Chromium it supports and carries webextension-polyfill in its bundles', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { minimum_chrome_version?: string };
    expect(manifest.minimum_chrome_version).toBe('102');
    // The polyfill's own guard, present wherever it is bundled.
    const marker = 'This script should only be loaded in a browser extension';
    for (const file of ['background.js', 'content-scripts/content.js']) {
      expect(await readFile(join(EXTENSION_DIR, file), 'utf8'), file).toContain(marker);
    }
  });
});
