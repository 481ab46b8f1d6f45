/**
 * Issue 17 in the browser: two reference platforms on two loopback ports holding different data —
 * Wuhan's (the demo data, covering `4201`) and the province's (covering Hubei outside Wuhan, with
 * a list of Yichang subjects imported). The built extension is configured with both; a bid page
 * holds codes of both regions. Each code is asked of the platform covering it, the card names the
 * source of each entry, feedback on a provincial entry reaches the provincial platform only, a
 * check record of the page is signed in parts (each platform for its own codes) that `cli
 * verify` checks part by part, and stopping the provincial platform turns only its codes unknown.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../cli/commands/verify-command.ts';
import type { CheckRecordSet } from '../../core/record/check-record-set-schema.ts';
import { createRepositories } from '../../platform/db/repositories.ts';
import { importList } from '../../platform/import/import-list.ts';
import type { RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { highlightKindOf as kindOf } from './fixtures/highlight-kind.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { renderPages } from './fixtures/render-pages.ts';
import {
  cityAndProvinceCodes,
  ownEntryId,
  EXPECTED_KINDS,
  HUBEI,
  HUBEI_OUTSIDE_WUHAN,
  LIST_HEADERS,
  startCityAndProvince,
  WUHAN,
  type CityAndProvince,
} from './fixtures/city-and-province.ts';
import { giveFeedback, openFeedbackPanel } from './fixtures/card-feedback.ts';
import { recheckTab } from './fixtures/recheck-tab.ts';
import { stopServiceWorker, waitForNewWorker } from './fixtures/stop-service-worker.ts';
import { storedFeedback } from './fixtures/stored-feedback.ts';
import { saveSettings } from './fixtures/save-settings.ts';

declare const chrome: typeof import('wxt/browser').browser;

const CASE = 'YC-ZB-2026-117';

describe('extension with a city and a provincial platform', () => {
  let wuhan: RunningPlatform;
  let hubei: RunningPlatform;
  let chromium: LaunchedChromium;
  let page: Page;
  let overlay: ExtensionOverlay;
  let pagesDir: string;
  const codes: Record<string, string> = {};

  async function cardText(code: string): Promise<string> {
    await page.locator('h1').click();
    await overlay.openCard(`.mark[data-code="${code}"]`);
    return (await overlay.text('.card')) ?? '';
  }

  beforeAll(async () => {
    Object.assign(codes, await cityAndProvinceCodes());
    pagesDir = await renderPages(codes, ['several-platforms.html']);
    ({ wuhan, hubei } = await startCityAndProvince(codes as CityAndProvince['codes'], [{ prefix: '/e2e/', dir: pagesDir }]));
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: wuhan.url,
      token: wuhan.tokens.department,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 1,
      operator: '李明',
      platforms: [
        { id: 'wuhan', url: wuhan.url, token: wuhan.tokens.department, regions: ['4201'], name: WUHAN },
        { id: 'hubei', url: hubei.url, token: hubei.tokens.department, regions: HUBEI_OUTSIDE_WUHAN, name: HUBEI },
      ],
    });
    page = await chromium.context.newPage();
    await page.goto(`${wuhan.url}/e2e/several-platforms.html`);
    overlay = extensionOverlay(page);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await wuhan?.close().catch(() => undefined);
    await hubei?.close().catch(() => undefined);
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
  });

  it('shows the verdicts of both regions, each entry with the platform it came from', async () => {
    for (const [key, kind] of EXPECTED_KINDS) {
      await expect.poll(() => kindOf(page, codes[key]!), { timeout: 20_000, message: key }).toBe(kind);
    }
    const provincial = await cardText(codes['hubei-black']!);
    expect(provincial).toContain(`${HUBEI}：黑名单`);
    expect(provincial).toContain(`来源：${HUBEI}`);
    expect(provincial).not.toContain(WUHAN);
    expect(provincial).toContain('宜昌峡江建设有限公司');
    await page.keyboard.press('Escape');
    const city = await cardText(codes['wuhan-black']!);
    expect(city).toContain(`${WUHAN}：黑名单`);
    expect(city).toContain(`来源：${WUHAN}`);
    expect(city).not.toContain(HUBEI);
    await page.keyboard.press('Escape');
  }, 60_000);

  it('keeps a list snapshot of each platform, shown under its name, and follows each platform’s changes on its own', async () => {
    const popup = await chromium.context.newPage();
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?lang=zh_CN`);
    const lines = popup.locator('[data-testid=snapshot-status]');
    await expect.poll(() => lines.count(), { timeout: 20_000 }).toBe(2);
    await expect
      .poll(() => lines.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-platform')} ${el.getAttribute('data-state')}`)))
      .toEqual([`${WUHAN} ok`, `${HUBEI} ok`]);
    // Each is signed with its own platform's regions, kept under its own keys.
    const kept = await chromium.serviceWorker!.evaluate(async () =>
      Object.keys(await chrome.storage.local.get(null))
        .filter((k) => k.startsWith('listSnapshot'))
        .sort(),
    );
    expect(kept).toEqual(expect.arrayContaining(['listSnapshot:hubei', 'listSnapshot:wuhan', 'listSnapshotInfo:hubei', 'listSnapshotInfo:wuhan']));
    expect(kept).not.toContain('listSnapshot');
    await popup.close();

    // The province lists the red subject black as well: its feed alone brings it to the page.
    const report = await importList(createRepositories(hubei.db), {
      headers: LIST_HEADERS,
      rows: [
        [
          '宜昌西陵纳税优良有限公司',
          codes['hubei-red']!,
          '黑名单',
          '失信被执行人',
          '拒不履行生效判决',
          '实施方案',
          '（2026）鄂05执2001号',
          '宜昌市中级人民法院',
          '2026-03-02',
          '',
        ],
      ],
    });
    expect(report.rejected).toEqual([]);
    await expect.poll(() => kindOf(page, codes['hubei-red']!), { timeout: 20_000 }).toBe('black');
    expect(await kindOf(page, codes['wuhan-clear']!)).toBe('clear');
  }, 60_000);

  it('sends feedback on a provincial entry to the provincial platform only, with its own entry id', async () => {
    await cardText(codes['hubei-black']!);
    await openFeedbackPanel(overlay);
    const measureId = await giveFeedback(overlay, CASE);
    await expect.poll(() => storedFeedback(hubei, codes['hubei-black']!, CASE).then((list) => list.length), { timeout: 20_000 }).toBe(1);
    const [record] = await storedFeedback(hubei, codes['hubei-black']!, CASE);
    // With the platform's own id of its entry, not the one the merged card knows it by (hubei:…).
    expect(record).toMatchObject({ measureId, outcome: 'applied', operator: '李明', entryId: await ownEntryId(hubei, codes['hubei-black']!) });
    expect(await storedFeedback(wuhan, codes['hubei-black']!, CASE)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  }, 60_000);

  it('makes a record of the mixed page in parts, each verifying with its own platform, and a one-character edit in either fails', async () => {
    const tabId = await chromium.serviceWorker!.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, page.url());
    const popup = await chromium.context.newPage();
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${tabId}&lang=zh_CN`);
    await expect.poll(() => popup.locator('[data-testid=findings] tbody tr').count(), { timeout: 20_000 }).toBe(4);
    await popup.getByRole('button', { name: '生成信用查询记录' }).click();
    await expect.poll(() => popup.locator('[data-testid=record-status]').textContent(), { timeout: 20_000 }).toContain('平台已签名');
    // Wuhan's platform signs for Wuhan's codes, the province for Yichang's: neither says "not listed" for the other's.
    expect(await popup.locator('[data-testid=record-parts]').textContent()).toBe(`分平台签名：${WUHAN}（2）；${HUBEI}（2）`);
    expect(await popup.locator('[data-testid=record-part]').count()).toBe(2);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '下载全部分平台记录（JSON）' }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const set = JSON.parse(text) as CheckRecordSet;
    expect(set.parts.map((part) => [part.platformName, part.signed.record.items.map((item) => item.code).sort()])).toEqual([
      [WUHAN, [codes['wuhan-black']!, codes['wuhan-clear']!].sort()],
      [HUBEI, [codes['hubei-black']!, codes['hubei-red']!].sort()],
    ]);
    expect(set.parts[1]!.signed.record.items.find((item) => item.code === codes['hubei-black'])?.verdict).toBe('black');
    // Each part under the name its platform signs.
    expect(set.parts.map((part) => part.signed.record.platform)).toEqual([WUHAN, HUBEI]);
    await popup.close();

    const verify = async (content: string) => {
      const file = join(pagesDir, `record-${Math.random().toString(36).slice(2)}.json`);
      await writeFile(file, content);
      return verifyCommand.run(['--platform', wuhan.url, '--platform', hubei.url, file], { out: () => undefined, err: () => undefined });
    };
    expect(await verify(text)).toBe(0);
    for (const part of [0, 1]) {
      const edited = structuredClone(set);
      edited.parts[part]!.signed.record.items[0]!.code = edited.parts[part]!.signed.record.items[0]!.code.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
      expect(await verify(JSON.stringify(edited)), `part ${part}`).toBe(1);
    }
    // Each part names the whole set: the province's part left out, Wuhan's alone does not pass for the record.
    expect(set.parts.map((part) => part.signed.record.set?.platforms)).toEqual([
      [wuhan.url, hubei.url],
      [wuhan.url, hubei.url],
    ]);
    expect(await verify(JSON.stringify({ ...set, parts: [set.parts[0]] }))).toBe(1);
  }, 60_000);

  it('answers from every platform’s saved answers after the service worker was stopped, the provincial platform down', async () => {
    // Saved to storage.session (at most every 500 ms): both platforms' answers are there.
    await expect
      .poll(
        async () => {
          const { backgroundState } = (await chromium.serviceWorker!.evaluate(() => chrome.storage.session.get('backgroundState'))) as {
            backgroundState?: { cache?: { queries?: { queryKey: unknown[] }[] } };
          };
          const saved = (backgroundState?.cache?.queries ?? []).map((q) => q.queryKey.join(' '));
          return [codes['wuhan-black']!, codes['hubei-black']!].every((code) => saved.some((key) => key.includes(code)));
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await hubei.close();
    await stopServiceWorker(chromium, page);
    // Asked from an extension page (the popup's batch check), a new worker answers from the saved cache:
    // the province cannot be reached, so a re-ask would be unknown (DevTools stays attached: the same handle reaches the new worker).
    const popup = await chromium.context.newPage();
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?lang=zh_CN`);
    const ask = (type: string, data: unknown) =>
      popup.evaluate(
        async ([t, d]) => {
          const answer = (await chrome.runtime.sendMessage({ id: 3, type: t, data: d, timestamp: Date.now() })) as { res?: unknown };
          return (answer.res ?? answer) as { ok: boolean; value: { batchId: string; finished: boolean; views: { verdict: { kind: string } }[] } };
        },
        [type, data] as const,
      );
    const started = await ask('checkCodes', { text: codes['hubei-black'], context: 'procurement' });
    expect(started.ok).toBe(true);
    await expect
      .poll(
        async () => {
          const batch = await ask('getBatch', { batchId: started.value.batchId });
          return batch.value.finished ? batch.value.views[0]!.verdict.kind : 'not finished';
        },
        { timeout: 20_000 },
      )
      .toBe('black');
    await waitForNewWorker(chromium);
    await popup.close();
  }, 60_000);

  it('turns only the provincial platform’s codes unknown when it stops, and says which platform could not be reached', async () => {
    await hubei.close().catch(() => undefined);
    await recheckTab(chromium, page);
    await expect.poll(() => kindOf(page, codes['hubei-black']!), { timeout: 40_000 }).toBe('unknown');
    await expect.poll(() => kindOf(page, codes['hubei-red']!), { timeout: 40_000 }).toBe('unknown');
    // Wuhan's platform answered again just now: its codes keep their verdicts.
    expect(await kindOf(page, codes['wuhan-black']!)).toBe('black');
    expect(await kindOf(page, codes['wuhan-clear']!)).toBe('clear');
    const text = await cardText(codes['hubei-black']!);
    expect(text).toContain(`${HUBEI}：无法连接`);
    await page.keyboard.press('Escape');
  }, 90_000);
});
