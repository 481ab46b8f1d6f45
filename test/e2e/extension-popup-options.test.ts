/**
 * The options page end to end, against the real reference platform on an ephemeral port: test
 * connection with good and bad tokens, save (the token goes to storage, never back to the page),
 * and add a site with its context. `?lang=zh_CN` pins the primary locale (see extension-popup).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';

/** The extension API inside the service worker, where `evaluate` callbacks run. */
declare const chrome: typeof import('wxt/browser').browser;

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

describe('options page', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let page: Page;
  const stored = async () =>
    (await chromium.serviceWorker!.evaluate(() => chrome.storage.local.get('settings'))).settings as Record<string, unknown> | undefined;
  const status = (id: string) => page.locator(`[data-testid=${id}]`).textContent();

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    platform = await startPlatform({ port: 0, seed: true, anonymousReads: true });
    chromium = await launchChromium({ extension: true });
    page = await chromium.context.newPage();
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.goto(`chrome-extension://${chromium.extensionId}/options.html?lang=zh_CN`);
    await page.locator('#platform-url').waitFor();
  });
  afterAll(async () => {
    await chromium?.close();
    await platform?.close();
  });

  it('starts with the defaults: the local platform, no token, the loopback sites built in', async () => {
    expect(await page.locator('#platform-url').inputValue()).toBe('http://127.0.0.1:8787');
    expect(await page.locator('#platform-token').getAttribute('placeholder')).toContain('未设置令牌');
    expect(await page.locator('main').textContent()).toContain('http://127.0.0.1/*、http://localhost/*');
    expect(await page.locator('[data-testid=locked-note]').count()).toBe(0);
  });

  it('tests the connection to the real platform and tells a good token from a bad one', async () => {
    await page.locator('#platform-url').fill(platform.url);
    await page.locator('#platform-token').fill(platform.tokens.viewer);
    await page.getByRole('button', { name: '测试连接' }).click();
    await expect.poll(() => status('connection-status'), { timeout: 15_000 }).toContain('连接成功');
    expect(await status('connection-status')).toContain('令牌有效');
    // The platform names the token's department (issue 14).
    expect(await status('connection-status')).toContain('令牌有效，所属部门：区政务服务中心。');
    expect(await status('connection-status')).toContain('平台允许匿名查询');
    await page.locator('#platform-token').fill('not-a-real-token');
    await page.getByRole('button', { name: '测试连接' }).click();
    await expect.poll(() => status('connection-status'), { timeout: 15_000 }).toContain('令牌无效');
  });

  it('reports an unreachable platform as a failure, by kind', async () => {
    await page.locator('#platform-url').fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: '测试连接' }).click();
    await expect.poll(() => status('connection-status'), { timeout: 20_000 }).toContain('连接失败：无法连接信用平台');
    // Said once: the failure's kind, not the same words again from its message (issue 14).
    expect((await status('connection-status'))!.trim()).toBe('连接失败：无法连接信用平台。');
    await page.screenshot({ path: resolve(SHOTS, 'options-connection-failed.png') });
  });

  it('saves the platform and token; the token is stored but never shown again', async () => {
    await page.locator('#platform-url').fill(platform.url);
    await page.locator('#platform-token').fill(platform.tokens.department);
    await page.locator('#freshness').fill('10');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => status('save-status'), { timeout: 10_000 }).toBe('已保存。');
    expect(await stored()).toMatchObject({ platformUrl: platform.url, token: platform.tokens.department, freshnessMinutes: 10 });
    await page.reload();
    await page.locator('#platform-url').waitFor();
    expect(await page.locator('#platform-url').inputValue()).toBe(platform.url);
    expect(await page.locator('#platform-token').inputValue()).toBe('');
    expect(await page.locator('#platform-token').getAttribute('placeholder')).toContain('已保存令牌');
    expect(await page.content()).not.toContain(platform.tokens.department);
    // The saved token is the one tested when the field is left empty.
    await page.getByRole('button', { name: '测试连接' }).click();
    await expect.poll(() => status('connection-status'), { timeout: 15_000 }).toContain('令牌有效');
  });

  it('adds a site with its context (access asked from the click) and saves it', async () => {
    await page.locator('#site-input').fill('http://localhost/procurement/');
    await page.locator('#site-context').selectOption('procurement');
    await page.getByRole('button', { name: '添加并授权' }).click();
    await expect.poll(() => status('site-message'), { timeout: 10_000 }).toContain('已添加 http://localhost/procurement/*');
    await page.getByRole('combobox', { name: 'http://localhost/procurement/* 的核查场景' }).selectOption('funding');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => status('save-status'), { timeout: 10_000 }).toBe('已保存。');
    expect((await stored())!.sites).toEqual([{ pattern: 'http://localhost/procurement/*', context: 'funding' }]);
    await page.screenshot({ path: resolve(SHOTS, 'options.png'), fullPage: true });
  });

  it('refuses a site address that is not http(s), without asking the browser', async () => {
    await page.locator('#site-input').fill('ftp://files.example.gov.cn');
    await page.getByRole('button', { name: '添加并授权' }).click();
    await expect.poll(() => status('site-message')).toBe('只支持 http 和 https 站点。');
  });

  it('removes a site and saves the list without it', async () => {
    await page.getByRole('button', { name: '移除 http://localhost/procurement/*' }).click();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => status('save-status'), { timeout: 10_000 }).toBe('已保存。');
    expect((await stored())!.sites).toEqual([]);
  });

  it('saves several platforms by region, each with its own token, and keeps a token not typed again (issue 17)', async () => {
    await page.locator('#several-platforms').check();
    // The first row starts from the one platform above.
    expect(await page.locator('#platform-url-0').inputValue()).toBe(platform.url);
    await page.locator('#platform-name-0').fill('武汉市公共信用信息平台');
    await page.locator('#platform-regions-0').fill('4201');
    await page.locator('#platform-token-0').fill('city-token');
    await page.getByRole('button', { name: '添加平台' }).click();
    await page.locator('#platform-name-1').fill('湖北省公共信用信息平台');
    await page.locator('#platform-url-1').fill('http://localhost:9/');
    await page.locator('#platform-regions-1').fill('湖北');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => status('save-status'), { timeout: 10_000 }).toContain('多个平台的设置有误');
    await page.locator('#platform-regions-1').fill('4202，4205 4206');
    await page.locator('#platform-token-1').fill('province-token');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => status('save-status'), { timeout: 10_000 }).toBe('已保存。');
    const platforms = () => stored().then((s) => s!.platforms as { name: string; url: string; regions: string[]; token?: string }[]);
    expect((await platforms()).map(({ name, url, regions, token }) => [name, url, regions, token])).toEqual([
      ['武汉市公共信用信息平台', platform.url, ['4201'], 'city-token'],
      ['湖北省公共信用信息平台', 'http://localhost:9/', ['4202', '4205', '4206'], 'province-token'],
    ]);
    await page.screenshot({ path: resolve(SHOTS, 'options-several-platforms.png'), fullPage: true });
    // Reloaded, the tokens are not shown; saving again keeps them.
    await page.reload();
    await page.locator('#platform-name-1').waitFor();
    expect(await page.locator('#platform-token-1').inputValue()).toBe('');
    expect(await page.locator('#platform-token-1').getAttribute('placeholder')).not.toContain('未设置令牌');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => status('save-status'), { timeout: 10_000 }).toBe('已保存。');
    expect((await platforms()).map((p) => p.token)).toEqual(['city-token', 'province-token']);
    // Turned off: back to the one platform.
    await page.locator('#several-platforms').uncheck();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => status('save-status'), { timeout: 10_000 }).toBe('已保存。');
    expect((await stored())!.platforms).toBeUndefined();
  });
});
