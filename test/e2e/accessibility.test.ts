/**
 * Accessibility audit (issue 14): axe-core, injected through Playwright, on every demo page with the
 * extension's card open, on the popup, the options page and the widget's card. No serious or critical
 * violation may remain.
 *
 * The extension's overlay is a closed shadow root, which axe (like page scripts) cannot enter. For the
 * audit the test takes the root through the DevTools protocol (fixtures/extension-overlay.ts) and lays
 * a copy of it — same elements, same adopted style sheets, same place on the screen — into an open
 * shadow root on the page, so axe checks exactly what the person sees. The extension builds nothing for
 * tests. axe is evaluated as source (`page.evaluate`), which a page's CSP does not block. The host's own
 * `all: initial !important` is not copied (see exposeOverlay).
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

declare const chrome: typeof import('wxt/browser').browser;
declare const axe: { run(context: unknown, options: object): Promise<{ violations: Violation[] }> };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/screenshots');
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations in `target` (a page or a frame), as readable lines. */
async function audit(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  const { violations } = await target.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Lays an open copy of the closed overlay root over the page, where axe can read it. */
async function exposeOverlay(overlay: ExtensionOverlay): Promise<void> {
  const root = await overlay.root();
  await root.evaluate((closed) => {
    const shadow = closed as ShadowRoot;
    document.querySelector('creditlens-audit-copy')?.remove();
    const copy = document.createElement('creditlens-audit-copy');
    // Placed like the host. Its `all: initial !important` (which keeps the page's styles out) is left
    // off the copy: axe reads it as inline text spacing, yet a reader's own !important rules (user
    // origin) still win over it, so text spacing stays adjustable (WCAG 1.4.12).
    for (const name of ['position', 'inset', 'pointer-events', 'z-index']) {
      copy.style.setProperty(name, (shadow.host as HTMLElement).style.getPropertyValue(name), 'important');
    }
    const open = copy.attachShadow({ mode: 'open' });
    open.adoptedStyleSheets = [...shadow.adoptedStyleSheets];
    for (const child of shadow.children) open.append(child.cloneNode(true));
    document.documentElement.append(copy);
  });
}

describe('accessibility (axe-core)', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let dbDir: string;
  const codes = new Map<string, string>();

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    for (const s of await demoSubjects()) if (s.role && !codes.has(s.role)) codes.set(s.role, s.code);
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-axe-'));
    platform = await startPlatform({
      port: 0,
      dbPath: join(dbDir, 'platform.db'),
      seed: true,
      staticDirs: [
        { prefix: '/widget/', dir: resolve(ROOT, 'dist/widget') },
        { prefix: '/demo/', dir: resolve(ROOT, 'demo') },
      ],
    });
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.department,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 5,
      operator: '王立',
    });
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
  });

  // Each demo page and the frame that holds its codes (the bid evaluation lists bidders in a frame).
  it.each([
    ['approval.html', null],
    ['bid-evaluation.html', 'bidders-frame.html'],
    ['late-rows.html', null],
    ['hostile.html', null],
    ['index.html', null],
    ['widget-department-system.html', null],
    ['widget-strict-csp.html', null],
  ])(
    'finds no serious or critical violation on demo/%s with the extension’s card open',
    async (file, frameFile) => {
      const page = await chromium.context.newPage();
      await page.goto(`${platform.url}/demo/${file}`);
      await page.waitForLoadState('load');
      const frame = frameFile ? (page.frames().find((f) => f.url().endsWith(frameFile)) ?? null) : null;
      const where = frame ?? page.mainFrame();
      const problems: string[] = [];
      // Pages without a code of their own (the index) have no overlay to open.
      const hasCodes = await where.evaluate(() => /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/.test(document.body.innerText));
      if (hasCodes) {
        const overlay = extensionOverlay(page, where);
        await overlay.element('.mark:not([data-kind=pending]), .badge:not([data-kind=pending])', 20_000);
        const first =
          (await overlay.attribute('.badge:not([data-kind=pending])', 'data-code')) !== null
            ? '.badge:not([data-kind=pending])'
            : '.mark:not([data-kind=pending])';
        await overlay.openCard(first);
        await expect.poll(() => overlay.count('.card .cl-card'), { timeout: 10_000 }).toBe(1);
        await exposeOverlay(overlay);
        await page.screenshot({ path: resolve(SHOTS, `axe-${file.replace('.html', '')}.png`) });
      }
      problems.push(...(await audit(where)));
      if (frame) problems.push(...(await audit(page)));
      expect(problems).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it('finds no serious or critical violation in the popup (legend open) or on the options page', async () => {
    const url = `${platform.url}/demo/approval.html`;
    const page = await chromium.context.newPage();
    await page.goto(url);
    await extensionOverlay(page).element(`.badge[data-code="${codes.get('black')}"][data-kind=black]`, 20_000);
    const tabId = await chromium.serviceWorker!.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
    const popup = await chromium.context.newPage();
    await popup.setViewportSize({ width: 420, height: 800 });
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${tabId}&lang=zh_CN`);
    await popup.locator('[data-testid=findings]').waitFor({ timeout: 10_000 });
    await popup.locator('[data-testid=legend] summary').click();
    expect(await audit(popup)).toEqual([]);
    const options = await chromium.context.newPage();
    await options.goto(`chrome-extension://${chromium.extensionId}/options.html?lang=zh_CN`);
    await options.locator('form, fieldset').first().waitFor({ timeout: 10_000 });
    expect(await audit(options)).toEqual([]);
    // With the list of several platforms open (issue 17).
    await options.locator('#several-platforms').check();
    await options.locator('#platform-name-0').waitFor();
    expect(await audit(options)).toEqual([]);
    await Promise.all([popup.close(), options.close(), page.close()]);
  }, 60_000);

  it('finds no serious or critical violation in the widget’s card', async () => {
    const plain = await launchChromium();
    try {
      const page = await plain.context.newPage();
      await page.goto(`${platform.url}/demo/widget-department-system.html`);
      const el = page.locator(`credit-status[code="${codes.get('black')}"]`);
      await el.locator('button').focus();
      await page.keyboard.press('Enter');
      await el.locator('.cl-measure').first().waitFor({ timeout: 15_000 });
      await page.screenshot({ path: resolve(SHOTS, 'axe-widget-card.png') });
      expect(await audit(page)).toEqual([]);
    } finally {
      await plain.close();
    }
  }, 60_000);
});
