/**
 * Issue 17 in the widget: two reference platforms on two loopback ports holding different data —
 * Wuhan's (the demo data, covering `4201`) and the province's (covering Hubei outside Wuhan, with
 * a list of Yichang subjects imported). The built script tag (served by Wuhan's platform) is
 * configured with both (`CreditLens.configure({ platforms })`); a bid page holds codes of both
 * regions. Each code is asked of the platform covering it, the card names the source of each
 * entry, feedback on a provincial entry reaches the provincial platform only with its own entry
 * id, `recordSet()` gives parts that `cli verify` checks part by part, and stopping the provincial
 * platform turns only its codes unknown.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../cli/commands/verify-command.ts';
import type { PlatformConfig } from '../../core/platforms/platform-config-schema.ts';
import type { CheckRecordSet } from '../../core/record/check-record-set-schema.ts';
import type { RunningPlatform } from '../../platform/start-platform.ts';
import { buildWidget } from '../../scripts/build-widget.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { renderPages } from './fixtures/render-pages.ts';
import {
  cityAndProvinceCodes,
  ownEntryId,
  EXPECTED_KINDS,
  HUBEI,
  HUBEI_OUTSIDE_WUHAN,
  startCityAndProvince,
  WUHAN,
  type CityAndProvince,
} from './fixtures/city-and-province.ts';
import { storedFeedback } from './fixtures/stored-feedback.ts';
import { ROOT, watchPageProblems } from './fixtures/widget-world.ts';

const CASE = 'YC-ZB-2026-118';

describe('widget with a city and a provincial platform', () => {
  let wuhan: RunningPlatform;
  let hubei: RunningPlatform;
  let chromium: LaunchedChromium;
  let page: Page;
  let problems: string[];
  let pagesDir: string;
  const codes: Record<string, string> = {};

  const badge = (code: string) => page.locator(`credit-status[code="${code}"]`);
  const verdictOf = (code: string) => badge(code).locator('.cl-toggle .cl-badge').getAttribute('data-verdict');

  /** Opens a code's card and returns its text once it has drawn. */
  async function cardText(code: string): Promise<string> {
    const toggle = badge(code).locator('.cl-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await badge(code).locator('.cl-card').waitFor({ timeout: 15_000 });
    return (await badge(code).locator('.cl-card').textContent()) ?? '';
  }

  async function closeCard(code: string): Promise<void> {
    const toggle = badge(code).locator('.cl-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  }

  beforeAll(async () => {
    await buildWidget();
    Object.assign(codes, await cityAndProvinceCodes());
    pagesDir = await renderPages(codes, ['widget-several-platforms.html']);
    ({ wuhan, hubei } = await startCityAndProvince(codes as CityAndProvince['codes'], [
      { prefix: '/widget/', dir: resolve(ROOT, 'dist/widget') },
      { prefix: '/e2e/', dir: pagesDir },
    ]));
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    problems = await watchPageProblems(page);
    const platforms: PlatformConfig[] = [
      { id: 'wuhan', url: wuhan.url, token: wuhan.tokens.department, regions: ['4201'], name: WUHAN },
      { id: 'hubei', url: hubei.url, token: hubei.tokens.department, regions: HUBEI_OUTSIDE_WUHAN, name: HUBEI },
    ];
    await page.addInitScript((list) => Object.assign(window, { __e2ePlatforms: list }), platforms);
    await page.goto(`${wuhan.url}/e2e/widget-several-platforms.html`);
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await wuhan?.close().catch(() => undefined);
    await hubei?.close().catch(() => undefined);
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
  });

  it('shows the verdicts of both regions, each entry with the platform it came from', async () => {
    for (const [key, kind] of EXPECTED_KINDS) {
      await expect.poll(() => verdictOf(codes[key]!), { timeout: 20_000, message: key }).toBe(kind);
    }
    const provincial = await cardText(codes['hubei-black']!);
    expect(provincial).toContain(`${HUBEI}：黑名单`);
    expect(provincial).toContain(`来源：${HUBEI}`);
    expect(provincial).not.toContain(WUHAN);
    expect(provincial).toContain('宜昌峡江建设有限公司');
    await closeCard(codes['hubei-black']!);
    const city = await cardText(codes['wuhan-black']!);
    expect(city).toContain(`${WUHAN}：黑名单`);
    expect(city).toContain(`来源：${WUHAN}`);
    expect(city).not.toContain(HUBEI);
    await closeCard(codes['wuhan-black']!);
    expect(problems).toEqual([]);
  }, 60_000);

  it('sends feedback on a provincial entry to the provincial platform only, with its own entry id', async () => {
    const code = codes['hubei-black']!;
    await cardText(code);
    const form = badge(code).locator('.cl-feedback form');
    await form.waitFor({ timeout: 15_000 });
    const caseField = form.locator('input[name="caseReference"]');
    await caseField.fill(CASE);
    await caseField.press('Tab');
    const choice = form.locator('fieldset.cl-choice').first();
    const measureId = (await choice.getAttribute('data-measure-id'))!;
    await choice.locator('input[value="applied"]').check();
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => storedFeedback(hubei, code, CASE).then((list) => list.length), { timeout: 20_000 }).toBe(1);
    const [record] = await storedFeedback(hubei, code, CASE);
    // With the platform's own id of its entry, not the one the merged card knows it by (hubei:…).
    expect(record).toMatchObject({ measureId, outcome: 'applied', operator: '李明', entryId: await ownEntryId(hubei, code) });
    expect(await storedFeedback(wuhan, code, CASE)).toEqual([]);
    await closeCard(code);
    expect(problems).toEqual([]);
  }, 60_000);

  it('makes a record of the mixed page in parts, each verifying with its own platform, and a one-character edit in either fails', async () => {
    const text = await page.evaluate(async () => {
      const set = await window.CreditLens!.recordSet({ caseReference: 'YC-ZB-2026-118' });
      return window.CreditLens!.exportRecord(set, 'json').text();
    });
    const set = JSON.parse(text) as CheckRecordSet;
    expect(set.parts.map((part) => [part.platformName, part.signed.record.items.map((item) => item.code).sort()])).toEqual([
      [WUHAN, [codes['wuhan-black']!, codes['wuhan-clear']!].sort()],
      [HUBEI, [codes['hubei-black']!, codes['hubei-red']!].sort()],
    ]);
    expect(set.parts[1]!.signed.record.items.find((item) => item.code === codes['hubei-black'])?.verdict).toBe('black');
    expect(set.parts.map((part) => part.signed.record.platform)).toEqual([WUHAN, HUBEI]);
    expect(set.parts.map((part) => part.signed.record.set?.platforms)).toEqual([
      [wuhan.url, hubei.url],
      [wuhan.url, hubei.url],
    ]);

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
    // The province's part left out, Wuhan's alone does not pass for the record.
    expect(await verify(JSON.stringify({ ...set, parts: [set.parts[0]] }))).toBe(1);
    expect(problems).toEqual([]);
  }, 60_000);

  it('with snapshot: true, paints from each platform’s list snapshot and follows each platform’s feed from its own', async () => {
    const second = await chromium.context.newPage();
    const snapshotVersions = new Map<string, string>();
    const feedFrom = new Map<string, string[]>();
    second.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/api/v1/snapshot' && response.ok()) snapshotVersions.set(url.origin, response.headers()['x-creditlens-data-version'] ?? '');
    });
    second.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/changes') feedFrom.set(url.origin, [...(feedFrom.get(url.origin) ?? []), url.searchParams.get('since') ?? '']);
    });
    // The same two platforms as the first page, now with their list snapshots.
    const list = await page.evaluate(() => (window as unknown as { __e2ePlatforms: unknown }).__e2ePlatforms);
    await second.addInitScript((platforms) => Object.assign(window, { __e2ePlatforms: platforms, __e2eSnapshot: true }), list);
    await second.goto(page.url());
    const shown = (code: string) => second.locator(`credit-status[code="${code}"] .cl-toggle .cl-badge`).getAttribute('data-verdict');
    for (const [key, kind] of EXPECTED_KINDS) {
      await expect.poll(() => shown(codes[key]!), { timeout: 20_000, message: key }).toBe(kind);
    }
    // Both snapshots were downloaded and verified, and each feed starts at its own platform's snapshot.
    expect([...snapshotVersions.keys()].sort()).toEqual([wuhan.url, hubei.url].map((u) => new URL(u).origin).sort());
    expect(new Set(snapshotVersions.values()).size).toBe(2);
    for (const [origin, version] of snapshotVersions) await expect.poll(() => feedFrom.get(origin), { timeout: 20_000, message: origin }).toContain(version);
    await second.close();
  }, 60_000);

  it('turns only the provincial platform’s codes unknown when it stops, and says which platform could not be reached', async () => {
    await hubei.close();
    // Every code on show is asked again (as after signing in): Wuhan's answer, the province's failure.
    await page.evaluate(() => void window.CreditLens!.refresh());
    await expect.poll(() => verdictOf(codes['hubei-black']!), { timeout: 40_000 }).toBe('unknown');
    await expect.poll(() => verdictOf(codes['hubei-red']!), { timeout: 40_000 }).toBe('unknown');
    expect(await verdictOf(codes['wuhan-black']!)).toBe('black');
    expect(await verdictOf(codes['wuhan-clear']!)).toBe('clear');
    const text = await cardText(codes['hubei-black']!);
    expect(text).toContain(`${HUBEI}：无法连接`);
    expect(text).not.toContain(WUHAN);
  }, 90_000);
});
