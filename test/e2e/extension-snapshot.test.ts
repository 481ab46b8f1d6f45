/**
 * Issue 15 in real Chromium with the built extension against the reference platform, through a
 * proxy that counts what the platform receives: a page of 200 codes never seen before shows every
 * verdict from the signed list snapshot while every status request is held (none answered); with
 * the platform stopped the snapshot's verdicts stay inside the freshness window (15 s here) and
 * turn unknown past it, with "据 HH:MM 名单快照：…" as the last answer; once it is back, a subject
 * listed on the platform turns black on the open page through the feed; and a snapshot whose
 * bytes were altered on the way is refused, with the reason in the popup.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { startCountingProxy, type CountingProxy } from './fixtures/counting-proxy.ts';
import { extensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects, type DemoSubject } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

declare const chrome: typeof import('wxt/browser').browser;

const LIST_KINDS = new Set(['black', 'red', 'watch', 'disputed', 'clear']);

/** The verdict painted for each code in CSS.highlights (flags left out). */
const kindsOf = (page: Page, codes: string[]) =>
  page.evaluate((wanted) => {
    const found: Record<string, string> = {};
    for (const [name, h] of CSS.highlights) {
      if (name === 'creditlens-suspect' || name === 'creditlens-name-mismatch') continue;
      for (const r of h) found[(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)] = name.replace('creditlens-', '');
    }
    return wanted.map((c) => found[c] ?? null);
  }, codes);

/** A bid list of 200 codes in a dense grid: all of them on screen at once (codes are looked up when shown). */
async function writePage(dir: string, subjects: DemoSubject[]): Promise<void> {
  const rows = subjects.map((s, i) => `<div>${i + 1}. ${s.code}</div>`).join('\n');
  const style = 'body{margin:4px;font:9px/11px monospace}.grid{display:grid;grid-template-columns:repeat(5,1fr);gap:0 8px}h1{font-size:12px;margin:0 0 4px}';
  await writeFile(
    join(dir, 'snapshot.html'),
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>投标人名单</title><style>${style}</style><h1>投标人名单</h1><div class="grid">\n${rows}\n</div></html>`,
  );
}

const snapshotInfo = (chromium: LaunchedChromium) =>
  chromium.serviceWorker!.evaluate(
    async () => (await chrome.storage.local.get('listSnapshotInfo')).listSnapshotInfo as { state: string; count: number; message: string | null } | undefined,
  );

describe('extension with the signed list snapshot', () => {
  let platform: RunningPlatform;
  let proxy: CountingProxy;
  let chromium: LaunchedChromium;
  let dbDir: string;
  let pagesDir: string;
  let port: number;
  let page: Page;
  let subjects: DemoSubject[];
  let token = '';

  const start = (p: number) =>
    startPlatform({ port: p, dbPath: join(dbDir, 'platform.db'), seed: true, log: false, staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });
  const codes = () => subjects.map((s) => s.code);

  beforeAll(async () => {
    // Codes whose verdict rests on internal entries only are painted pending until their full answer (a page may read highlights), with or without the snapshot: not on this page.
    subjects = (await demoSubjects())
      .filter((s) => LIST_KINDS.has(s.expectedVerdict) && !('anonymousVerdict' in s) && parseUscc(s.code).validity === 'valid')
      .slice(0, 200);
    expect(subjects).toHaveLength(200);
    pagesDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-snapshot-pages-'));
    await writePage(pagesDir, subjects);
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-snapshot-'));
    platform = await start(0);
    port = platform.port;
    token = platform.tokens.viewer;
    proxy = await startCountingProxy(() => port);
    chromium = await launchChromium({ extension: true });
    await saveSettings(
      chromium.serviceWorker!,
      // 0.25 min = 15 s of freshness; the feed every second.
      { platformUrl: proxy.url, token, sites: [], freshnessMinutes: 0.25, changesPollSeconds: 1 },
    );
  });

  afterAll(async () => {
    await chromium?.close();
    await proxy?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('paints all 200 never-seen codes from the snapshot before any status request (requests counted at the platform)', async () => {
    await expect.poll(async () => (await snapshotInfo(chromium))?.state, { timeout: 30_000 }).toBe('ok');
    expect((await snapshotInfo(chromium))?.count).toBeGreaterThan(100);
    proxy.hold();
    const statusBefore = proxy.answered('/api/v1/status');
    const asksBefore = proxy.receivedAt('/api/v1/status').length;
    page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    // The page's own world notes when each code first shows a verdict (not pending).
    await page.addInitScript(() => {
      const w = window as unknown as { __paintedAt: Record<string, number> };
      w.__paintedAt = {};
      const tick = (): void => {
        for (const [name, h] of CSS.highlights) {
          if (name === 'creditlens-suspect' || name === 'creditlens-name-mismatch' || name === 'creditlens-pending') continue;
          for (const r of h) w.__paintedAt[(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)] ??= Date.now();
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // While the platform is down it cannot serve the page: serve it from disk all along.
    await page.route('**/e2e/*.html', (route) => route.fulfill({ path: join(pagesDir, 'snapshot.html') }));
    await page.goto(`${platform.url}/e2e/snapshot.html`);
    const expected = subjects.map((s) => s.expectedVerdict);
    await expect.poll(() => kindsOf(page, codes()), { timeout: 20_000 }).toEqual(expected);
    // Every verdict is on the page and the platform has answered no status request since the snapshot…
    expect(proxy.answered('/api/v1/status')).toBe(statusBefore);
    // …nor received a request for a code before the page showed that code's verdict: the snapshot answered it.
    const paintedAt = await page.evaluate(() => (window as unknown as { __paintedAt: Record<string, number> }).__paintedAt);
    expect(codes().filter((code) => paintedAt[code] === undefined)).toEqual([]);
    // A request's body may still be on its way: read them once whole.
    await expect.poll(() => proxy.requests('/api/v1/status').every((r) => r.complete), { timeout: 10_000 }).toBe(true);
    const early = proxy
      .requests('/api/v1/status')
      .slice(asksBefore)
      .flatMap(({ at, body }) => (JSON.parse(body) as { codes: string[] }).codes.filter((code) => !(paintedAt[code]! < at)));
    expect(early).toEqual([]);
    // The full answers (names for the name check, the card's entries) are asked once painted.
    await expect.poll(() => proxy.receivedAt('/api/v1/status').length, { timeout: 10_000 }).toBeGreaterThan(asksBefore);
    console.log(`status requests received after all 200 verdicts were painted: ${proxy.receivedAt('/api/v1/status').length - asksBefore}`);
  }, 60_000);

  it('keeps the snapshot verdicts with the platform stopped inside the window, and says unknown with the snapshot as last answer past it', async () => {
    const expected = subjects.map((s) => s.expectedVerdict);
    const changesBefore = proxy.received('/api/v1/changes');
    await platform.close();
    // Held status requests now fail, as an unreachable platform does.
    proxy.release();
    const stoppedAt = Date.now();
    await expect.poll(() => proxy.received('/api/v1/changes') - changesBefore, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await kindsOf(page, codes())).toEqual(expected);
    expect(Date.now() - stoppedAt).toBeLessThan(12_000);
    await expect.poll(async () => new Set(await kindsOf(page, codes())), { timeout: 30_000 }).toEqual(new Set(['unknown']));
    const overlay = extensionOverlay(page);
    const black = subjects.find((s) => s.expectedVerdict === 'black')!;
    await overlay.openCard(`.mark[data-code="${black.code}"]`);
    await expect.poll(() => overlay.text('.card'), { timeout: 10_000 }).toMatch(/据 \d\d:\d\d 名单快照：黑名单/);
    await page.keyboard.press('Escape');
    await page.locator('h1').click();
    const clear = subjects.find((s) => s.expectedVerdict === 'clear')!;
    await overlay.openCard(`.mark[data-code="${clear.code}"]`);
    await expect.poll(() => overlay.text('.card'), { timeout: 10_000 }).toMatch(/据 \d\d:\d\d 名单快照：未列入/);
    expect(await overlay.text('.card')).not.toContain('√');
    await page.keyboard.press('Escape');
  }, 90_000);

  it('turns a subject listed on the platform black on the open page through the feed', async () => {
    platform = await start(port);
    const clear = subjects.filter((s) => s.expectedVerdict === 'clear')[1]!;
    await expect.poll(async () => (await kindsOf(page, [clear.code]))[0], { timeout: 40_000 }).toBe('clear');
    const res = await fetch(`${platform.url}/api/v1/admin/entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${platform.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: clear.code,
        list: 'black',
        category: '失信被执行人',
        facts: '拒不履行生效判决',
        legalBasis: '汉阳区守信联合激励和失信联合惩戒实施方案',
      }),
    });
    expect(res.status).toBeLessThan(300);
    await expect.poll(async () => (await kindsOf(page, [clear.code]))[0], { timeout: 20_000 }).toBe('black');
  }, 90_000);
});

describe('extension given a snapshot whose bytes were altered', () => {
  let platform: RunningPlatform;
  let proxy: CountingProxy;
  let chromium: LaunchedChromium;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, seed: true, log: false });
    proxy = await startCountingProxy(() => platform.port);
    proxy.alterSnapshots();
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: proxy.url,
      token: platform.tokens.viewer,
      sites: [],
      changesPollSeconds: 1,
    });
  });

  afterAll(async () => {
    await chromium?.close();
    await proxy?.close();
    await platform?.close();
  });

  it('refuses it and shows the reason in the popup', async () => {
    await expect.poll(async () => (await snapshotInfo(chromium))?.state, { timeout: 30_000 }).toBe('refused');
    expect(proxy.received('/api/v1/snapshot')).toBeGreaterThanOrEqual(1);
    expect((await snapshotInfo(chromium))?.count).toBe(0);
    const popup = await chromium.context.newPage();
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?lang=zh_CN`);
    await expect.poll(() => popup.locator('[data-testid="snapshot-problem"]').textContent(), { timeout: 10_000 }).toContain('名单快照未通过验证，已拒绝');
    expect(await popup.locator('[data-testid="snapshot-problem"]').textContent()).toContain('签名验证失败');
  }, 60_000);
});
