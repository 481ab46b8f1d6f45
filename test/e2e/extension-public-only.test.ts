/**
 * No token, no warning (issue 14), on the page: the built extension in Debian's Chromium against
 * the reference platform on loopback, with settings that hold NO department token. A clear answer
 * from the public lists alone is painted in its own grey look — highlight `creditlens-public`,
 * marker and field badge `data-kind="public"` — never as the platform's full clear, while a public
 * black entry still paints black. With a viewer token the same code paints `creditlens-clear`, and
 * a verdict resting on an internal-only entry is painted `pending` for the page, as before.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects } from './fixtures/render-pages.ts';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

/** The highlights of the page each code is painted in (`creditlens-suspect` and the name flag left out). */
const paintedIn = (page: Page) =>
  page.evaluate(() => {
    const byCode: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights) {
      if (name === 'creditlens-suspect' || name === 'creditlens-name-mismatch') continue;
      for (const r of h) (byCode[(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)] ??= []).push(name);
    }
    return byCode;
  }) as Promise<Record<string, string[]>>;

/** What `code` is painted in once its answer is in (no longer `creditlens-pending`), within 15 s. */
async function settled(page: Page, code: string): Promise<string[] | undefined> {
  const until = Date.now() + 15_000;
  for (;;) {
    const names = (await paintedIn(page).catch((): Record<string, string[]> => ({})))[code];
    if ((names && names[0] !== 'creditlens-pending') || Date.now() > until) return names;
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('extension without a token: public-only clear on the page', () => {
  let platform: RunningPlatform;
  let browser: LaunchedChromium;
  let dbDir: string;
  let pagesDir: string;
  const codes: Record<string, string> = {};

  const settings = (token?: string) => ({
    platformUrl: platform.url,
    ...(token ? { token } : {}),
    sites: [],
    freshnessMinutes: 5,
    changesPollSeconds: 1,
  });

  beforeAll(async () => {
    for (const s of await demoSubjects()) if (s.role && !codes[s.role]) codes[s.role] = s.code;
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-public-db-'));
    pagesDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-public-pages-'));
    await writeFile(
      join(pagesDir, 'public-only.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>公开名单</title></head><body>
<p>未列入：<span id="c-clear">${codes.clear}</span></p>
<p>黑名单：<span id="c-black">${codes.black}</span></p>
<p>内部共享：<span id="c-internal">${codes['internal-only']}</span></p>
<label>申请人代码 <input id="applicant" type="text" value="${codes.clear}"></label>
</body></html>`,
    );
    platform = await startPlatform({ port: 0, dbPath: join(dbDir, 'platform.db'), seed: true, staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });
    browser = await launchChromium({ extension: true });
    await browser.serviceWorker!.evaluate((s) => chrome.storage.local.set({ settings: s }), settings());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
    await rm(pagesDir, { recursive: true, force: true });
  });

  let page: Page;
  let overlay: ExtensionOverlay;

  it('paints a clear code from the public lists alone as public (highlight, marker, field badge), a public black entry black', async () => {
    page = await browser.context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${platform.url}/e2e/public-only.html`);
    overlay = extensionOverlay(page);
    await expect.poll(async () => (await paintedIn(page))[codes.clear!], { timeout: 20_000 }).toEqual(['creditlens-public']);
    await expect.poll(async () => (await paintedIn(page))[codes.black!], { timeout: 20_000 }).toEqual(['creditlens-black']);
    // Anonymous, the internal-only entry is not in the answer: a public-only clear, from public data alone.
    await expect.poll(async () => (await paintedIn(page))[codes['internal-only']!], { timeout: 20_000 }).toEqual(['creditlens-public']);
    const all = await page.evaluate(() => [...CSS.highlights.keys()]);
    expect(all).not.toContain('creditlens-clear');
    await expect.poll(() => overlay.attribute(`.mark[data-code="${codes.clear}"]`, 'data-kind'), { timeout: 10_000 }).toBe('public');
    expect(await overlay.attribute(`.mark[data-code="${codes.black}"]`, 'data-kind')).toBe('black');
    await expect.poll(() => overlay.attribute(`.badge[data-code="${codes.clear}"]`, 'data-kind'), { timeout: 10_000 }).toBe('public');
    expect(await overlay.count('[data-kind="clear"]')).toBe(0);
  }, 60_000);

  it('with a viewer token paints the same code clear, and an internal-only black entry pending for the page', async () => {
    await browser.serviceWorker!.evaluate((s) => chrome.storage.local.set({ settings: s }), settings(platform.tokens.viewer));
    // The background rebuilds its answers when the token changes; a reload asks again under the token.
    const until = Date.now() + 40_000;
    let painted: string[] | undefined;
    do {
      await page.reload();
      painted = await settled(page, codes.clear!);
    } while (painted?.[0] !== 'creditlens-clear' && Date.now() < until);
    expect(painted).toEqual(['creditlens-clear']);
    await expect.poll(async () => (await paintedIn(page))[codes.black!], { timeout: 20_000 }).toEqual(['creditlens-black']);
    await expect.poll(async () => (await paintedIn(page))[codes['internal-only']!], { timeout: 20_000 }).toEqual(['creditlens-pending']);
    await expect.poll(() => overlay.attribute(`.mark[data-code="${codes.clear}"]`, 'data-kind'), { timeout: 10_000 }).toBe('clear');
    await expect.poll(() => overlay.attribute(`.badge[data-code="${codes.clear}"]`, 'data-kind'), { timeout: 10_000 }).toBe('clear');
    // The real verdict is drawn only in the closed overlay.
    await expect.poll(() => overlay.attribute(`.mark[data-code="${codes['internal-only']}"]`, 'data-kind'), { timeout: 10_000 }).toBe('black');
    const all = await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => CSS.highlights.get(name)!.size > 0));
    expect(all).not.toContain('creditlens-public');
  }, 90_000);
});
