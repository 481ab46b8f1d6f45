/**
 * The card and the page, end to end (issue 14): the built extension in Debian's Chromium against
 * the reference platform. Codes are marked *checking* the moment they are found, while the platform
 * has not answered (a proxy in front of it holds every request until the test lets go); the card
 * opens with what the task must do, the most specific measure first, and stays inside a frame that
 * sits at the bottom of the screen; the keyboard reaches a field's verdict and its card; the popup
 * has a legend; without a token a clear answer has its own public-only look and the popup and the
 * options page say that only public lists are checked. Screenshots go to test-results/.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects, renderPages } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

declare const chrome: typeof import('wxt/browser').browser;

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/screenshots');

/** A proxy in front of the platform that holds every request while `held` (a slow first answer, as after a cold start). */
function holdingProxy(target: string): Promise<{ url: string; release(): void; server: Server }> {
  const waiting: (() => void)[] = [];
  let held = true;
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const to = new URL(req.url ?? '/', target);
    const out = request(to, { method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  };
  const server = createServer((req, res) => (held ? waiting.push(() => forward(req, res)) : forward(req, res)));
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      done({
        url: `http://127.0.0.1:${port}`,
        server,
        release() {
          held = false;
          for (const go of waiting.splice(0)) go();
        },
      });
    }),
  );
}

describe('the card and the page', () => {
  let platform: RunningPlatform;
  let proxy: Awaited<ReturnType<typeof holdingProxy>>;
  let chromium: LaunchedChromium;
  let dbDir: string;
  let pagesDir: string;
  const codes: Record<string, string> = {};

  const popupFor = async (browser: LaunchedChromium, url: string): Promise<Page> => {
    const tabId = await browser.serviceWorker!.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 800 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}&lang=zh_CN`);
    return popup;
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    for (const s of await demoSubjects()) if (s.role && !codes[s.role]) codes[s.role] = s.code;
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-card-'));
    pagesDir = await renderPages(codes, ['card-frame-bottom.html', 'card-frame-inner.html']);
    platform = await startPlatform({
      port: 0,
      dbPath: join(dbDir, 'platform.db'),
      seed: true,
      staticDirs: [
        { prefix: '/demo/', dir: resolve(ROOT, 'demo') },
        { prefix: '/e2e/', dir: pagesDir },
      ],
    });
    proxy = await holdingProxy(platform.url);
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: proxy.url,
      token: platform.tokens.department,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 5,
      operator: '王立',
    });
  }, 60_000);

  afterAll(async () => {
    proxy?.release();
    await chromium?.close();
    proxy?.server.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('marks codes as checking the moment they are found, shows 正在核查 on the card and in the popup, then the verdict', async () => {
    // The proxy holds the platform's answers (a cold start's slow first answer); the page itself is served directly.
    const url = `${platform.url}/demo/approval.html`;
    const page = await chromium.context.newPage();
    await page.goto(url);
    const overlay = extensionOverlay(page);
    const badge = `.badge[data-code="${codes.black}"]`;
    await expect.poll(() => overlay.attribute(badge, 'data-kind'), { timeout: 20_000 }).toBe('pending');
    await overlay.openCard(badge);
    expect(await overlay.text('.card')).toContain('正在核查');
    await page.screenshot({ path: resolve(SHOTS, 'extension-card-checking.png') });
    const popup = await popupFor(chromium, url);
    await expect.poll(() => popup.locator('[data-testid=checking-notice]').textContent(), { timeout: 10_000 }).toContain('仍在向信用平台核查');
    expect(await popup.locator('main').textContent()).not.toContain('本页未发现');
    await popup.screenshot({ path: resolve(SHOTS, 'popup-checking.png') });
    proxy.release();
    await expect.poll(() => overlay.attribute(badge, 'data-kind'), { timeout: 20_000 }).toBe('black');
    await expect.poll(() => popup.locator('[data-testid=checking-notice]').count(), { timeout: 10_000 }).toBe(0);
    await popup.close();
    await page.close();
  }, 90_000);

  it('opens the card with what the task must do, the most specific measure first, inside a frame at the bottom of the screen', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${platform.url}/e2e/card-frame-bottom.html`);
    const frameElement = page.locator('iframe');
    const frame = (await (await frameElement.elementHandle())!.contentFrame())!;
    const overlay = extensionOverlay(page, frame);
    const mark = `.mark[data-code="${codes['black-not-repairable']}"]`;
    await expect.poll(() => overlay.attribute(mark, 'data-kind'), { timeout: 20_000 }).toBe('black');
    await overlay.openCard(mark);
    await expect.poll(() => overlay.count('.card .cl-measure'), { timeout: 10_000 }).toBeGreaterThan(1);
    // One line first, from the approval context's own measure; then the measures; entries after.
    expect(await overlay.text('.card .cl-task')).toBe('本事项应：从严审核行政许可。');
    expect(await overlay.attribute('.card .cl-measure', 'data-measure-id')).toBe('P15-6');
    const order = await (await overlay.element('.card .cl-card')).evaluate((card) => [...card.children].map((c) => c.className.split(' ')[0]));
    expect(order.indexOf('cl-task')).toBeLessThan(order.indexOf('cl-measures'));
    expect(order.indexOf('cl-measures')).toBeLessThan(order.indexOf('cl-entries'));
    expect(await overlay.count('.card details.cl-shared-basis')).toBe(1);
    expect(await overlay.count('.card form')).toBe(0);
    // The code is near the frame's bottom: the card opens above it, and all of it is inside the frame and the screen.
    expect(await overlay.attribute('.card', 'data-side')).toBe('above');
    const card = (await (await overlay.element('.card')).boundingBox())!;
    const box = (await frameElement.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(card.y).toBeGreaterThanOrEqual(box.y);
    expect(card.y + card.height).toBeLessThanOrEqual(box.y + box.height);
    expect(card.x).toBeGreaterThanOrEqual(box.x);
    expect(card.x + card.width).toBeLessThanOrEqual(box.x + box.width);
    expect(card.y + card.height).toBeLessThanOrEqual(viewport.height);
    await page.screenshot({ path: resolve(SHOTS, 'extension-card-frame-bottom.png') });
    await page.close();
  }, 60_000);

  it('announces a code field’s verdict on focus, opens its card with Alt+Shift+K, and closes it with Esc back to the field', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${platform.url}/demo/approval.html`);
    const overlay = extensionOverlay(page);
    const badge = `.badge[data-code="${codes.black}"]`;
    await expect.poll(() => overlay.attribute(badge, 'data-kind'), { timeout: 20_000 }).toBe('black');
    await page.locator('#applicant-name').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('applicant-code');
    await expect.poll(() => overlay.text('.cl-live'), { timeout: 5000 }).toContain('黑名单');
    expect(await overlay.attribute('.cl-live', 'aria-live')).toBe('polite');
    expect(await overlay.text('.cl-live')).toContain('Alt+Shift+K');
    await page.keyboard.press('Alt+Shift+KeyK');
    await expect.poll(() => overlay.isVisible('.card'), { timeout: 5000 }).toBe(true);
    const inCard = () => overlay.root().then((root) => root.evaluate((r) => !!(r as ShadowRoot).activeElement?.closest('.card')));
    await expect.poll(inCard, { timeout: 5000 }).toBe(true);
    await page.keyboard.press('Tab');
    expect(await inCard()).toBe(true);
    await page.screenshot({ path: resolve(SHOTS, 'extension-card-keyboard.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.isVisible('.card'), { timeout: 5000 }).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('applicant-code');
    await page.close();
  }, 60_000);

  it('has a legend in the popup: every look with its symbol and words', async () => {
    const url = `${platform.url}/demo/approval.html`;
    const page = await chromium.context.newPage();
    await page.goto(url);
    await extensionOverlay(page).element(`.badge[data-code="${codes.black}"][data-kind=black]`, 20_000);
    const popup = await popupFor(chromium, url);
    const legend = popup.locator('[data-testid=legend]');
    expect(await legend.getAttribute('open')).toBeNull();
    await legend.locator('summary').click();
    await expect.poll(() => legend.locator('.cl-legend-item').count()).toBe(9);
    const text = (await legend.textContent()) ?? '';
    for (const words of ['黑名单', '异议中', '红名单', '重点监测', '未列入·仅公开信息', '代码无效', '未能核查', '查询中']) expect(text).toContain(words);
    await legend.screenshot({ path: resolve(SHOTS, 'popup-legend.png') });
    await popup.close();
    await page.close();
  });

  it('without a token: a clear answer from public lists only has its own look, and the popup and options say so in one line', async () => {
    const anonymous = await launchChromium({ extension: true });
    try {
      await saveSettings(anonymous.serviceWorker!, {
        platformUrl: platform.url,
        sites: [],
        freshnessMinutes: 5,
        changesPollSeconds: 5,
      });
      const url = `${platform.url}/demo/approval.html`;
      const page = await anonymous.context.newPage();
      await page.goto(url);
      const overlay = extensionOverlay(page);
      // The applicant's code field holds a black code, also public; the applicants table has a public-only clear one.
      await overlay.element(`.badge[data-code="${codes.black}"][data-kind=black]`, 20_000);
      const popup = await popupFor(anonymous, url);
      await expect.poll(() => popup.locator('[data-testid=public-only-notice]').textContent(), { timeout: 10_000 }).toContain('仅核查公开名单');
      expect(await popup.locator('[data-testid=public-only-notice]').textContent()).toContain('粘贴到“设置”页面');
      // The summary counts the public-lists-only clear apart, with its qualifier; nothing is counted as the full clear.
      const publicChip = popup.locator('[data-testid=summary] li[data-verdict=public]');
      await expect.poll(() => publicChip.count(), { timeout: 10_000 }).toBe(1);
      expect(await publicChip.textContent()).toContain('未列入·仅公开信息');
      expect(await popup.locator('[data-testid=summary] li[data-verdict=clear]').count()).toBe(0);
      await popup.screenshot({ path: resolve(SHOTS, 'popup-public-only.png') });
      await popup.close();
      const options = await anonymous.context.newPage();
      await options.goto(`chrome-extension://${anonymous.extensionId}/options.html?lang=zh_CN`);
      await expect.poll(() => options.locator('[data-testid=public-only-notice]').textContent(), { timeout: 10_000 }).toContain('仅核查公开名单');
      await options.close();
      // A clear answer here reads 未列入·仅公开信息 in the card, in the grey public-only look, not the clear one.
      const clear = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#applicant-code')!;
        return input.value;
      });
      expect(clear).toBe(codes.black);
      await page.fill('#applicant-code', codes['internal-only']!);
      const badge = `.badge[data-code="${codes['internal-only']}"]`;
      await expect.poll(() => overlay.attribute(badge, 'data-kind'), { timeout: 20_000 }).not.toBe('pending');
      await overlay.openCard(badge);
      await expect.poll(() => overlay.attribute('.card .cl-card-head .cl-badge', 'class'), { timeout: 10_000 }).toContain('cl-public');
      expect(await overlay.text('.card .cl-card-head .cl-badge')).toContain('仅公开信息');
      await page.screenshot({ path: resolve(SHOTS, 'extension-card-public-only.png') });
    } finally {
      await anonymous.close();
    }
  }, 90_000);
});
