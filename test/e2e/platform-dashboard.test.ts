/**
 * The credit office's dashboard (issue 19) in real Chromium against the real platform on the
 * demo data: the demo seed's check history (platform/assessment/seed-check-history.ts — on day
 * today−k, department d checks when (k + d) is a multiple of 3, with a red subject too when it
 * is a multiple of 6) drawn by ECharts under the page CSP, read back from the chart instances.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
/** The demo is seeded and judged on this day; the page's default period is 2026-10-22 … 2026-11-20. */
const TODAY = '2026-11-20';

/** The ECharts global the page loads from /assets/echarts.min.js. */
declare const echarts: { getInstanceByDom(el: Element): { getOption(): any } | undefined };

let platform: RunningPlatform;
let browser: LaunchedChromium;

beforeAll(async () => {
  platform = await startPlatform({ port: 0, seed: true, today: TODAY });
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** Opens the dashboard, types the token in and waits until the report is drawn. */
async function openDashboard(token: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  // Any failed request but the browser's own favicon guess (CSP refusals show up as console errors above).
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${platform.url}/dashboard`);
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForSelector('#report[data-state=ready]', { state: 'attached', timeout: 15_000 });
  return { page, problems };
}

const option = (page: Page, id: string) => page.evaluate((chartId) => echarts.getInstanceByDom(document.getElementById(chartId)!)!.getOption(), id);

describe('credit office dashboard', () => {
  it('draws checks and hits per day, the verdict mix and the feedback rate per department for the admin', async () => {
    const { page, problems } = await openDashboard(platform.tokens.admin);
    const daily = await option(page, 'chart-daily');
    expect(daily.xAxis[0].data).toHaveLength(30);
    expect([daily.xAxis[0].data[0], daily.xAxis[0].data[29]]).toEqual(['10-22', '11-20']);
    // today−29 and today have no checks; from today−28 the pattern is 1, 2, 2 checks (departments d ≡ −k mod 3).
    expect(daily.series.map((s: any) => [s.name, s.type])).toEqual([
      ['查询次数', 'bar'],
      ['命中数', 'line'],
    ]);
    expect(daily.series[0].data).toEqual([0, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 0]);
    // …plus one red hit every day but those with k ≡ 1 mod 6.
    expect(daily.series[1].data).toEqual([0, 2, 3, 3, 1, 3, 3, 2, 3, 3, 1, 3, 3, 2, 3, 3, 1, 3, 3, 2, 3, 3, 1, 3, 3, 2, 3, 3, 1, 0]);

    const verdicts = await option(page, 'chart-verdicts');
    expect(verdicts.series[0].data.map((d: any) => [d.name, d.value])).toEqual([
      ['黑名单', 46],
      ['红名单', 23],
      ['未列入', 46],
    ]);

    const feedback = await option(page, 'chart-feedback');
    // e.g. 区人社局 (d = 3): 9 checks, 5 of them with a red subject = 14 hits; feedback on 7 blacks (not k = 6, 18), none on reds (d odd).
    expect(feedback.yAxis[0].data).toEqual(['区财政局', '区人社局', '区行政审批局', '区市场监管局', '区住房和城市更新局']);
    expect(feedback.series[0].data).toEqual([46.2, 50, 73.3, 78.6, 84.6]);

    // 69 hits, 46 closed: the 23 open ones are listed, each linking to its subject page.
    const links = await page.$$eval('#hits a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toHaveLength(23);
    expect(links.every((href) => /^\/subjects\/[0-9A-Z]{18}$/.test(href))).toBe(true);
    const overdue = await page.$$eval('#hits .overdue', (s) => s.length);
    const api = await (
      await fetch(`${platform.url}/api/v1/follow-up?status=overdue`, { headers: { authorization: `Bearer ${platform.tokens.admin}` } })
    ).json();
    expect(overdue).toBe(api.hits.length);
    expect(overdue).toBeGreaterThan(0);
    expect(await page.textContent('#figures')).toContain('66.7%');
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'platform-dashboard.png'), fullPage: true });

    await page.click('#hits a');
    await page.waitForURL(/\/subjects\//);
    expect(await page.textContent('body')).toContain(links[0]!.slice('/subjects/'.length));
    await page.close();
  });

  it('shows a department its own figures only', async () => {
    const { page, problems } = await openDashboard(platform.tokens.department);
    expect(await page.textContent('#scope')).toContain('区市场监管局');
    const feedback = await option(page, 'chart-feedback');
    expect(feedback.yAxis[0].data).toEqual(['区市场监管局']);
    expect(feedback.series[0].data).toEqual([78.6]);
    const departments = await page.$$eval('#hits tr td:nth-child(2)', (tds) => [...new Set(tds.map((td) => td.textContent))]);
    expect(departments).toEqual(['区市场监管局']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints without the form and buttons, charts kept', async () => {
    const { page } = await openDashboard(platform.tokens.admin);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#dashboard-form')).toBe(false);
    expect(await page.isVisible('#print')).toBe(false);
    expect(await page.$$eval('#chart-daily svg', (s) => s.length)).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'platform-dashboard-print.png'), fullPage: true });
    await page.close();
  });

  it('lets the admin mark the feedback of a closed hit as a typical case, and hides that from a department', async () => {
    const { page, problems } = await openDashboard(platform.tokens.admin);
    await page.waitForSelector('#typical-cases[data-count="0"]');
    const choices = await page.$$eval('#typical-feedback option', (os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent!, kind: o.getAttribute('data-kind') })),
    );
    expect(choices).toHaveLength(46); // the closed hits
    const black = choices.find((c) => c.kind === 'punishment')!;
    expect(black.text).toMatch(/ · 惩戒$/);
    await page.selectOption('#typical-feedback', black.value);
    expect(await page.inputValue('#typical-kind')).toBe('punishment');
    await page.fill('#typical-note', '投标前核查发现失信，依法限制参与');
    await page.click('#typical-form button[type=submit]');
    await page.waitForSelector('#typical-cases[data-count="1"]');
    expect(await page.textContent('#typical-list')).toContain('投标前核查发现失信，依法限制参与');
    expect(problems).toEqual([]);
    await page.close();

    const department = await openDashboard(platform.tokens.department);
    await department.page.waitForFunction(() => document.getElementById('typical-feedback')!.childElementCount > 0);
    expect(await department.page.isVisible('#typical-cases')).toBe(false);
    expect(department.problems).toEqual([]);
    await department.page.close();
  });

  it('downloads the league table as .xlsx and CSV with the bearer token', async () => {
    const { page } = await openDashboard(platform.tokens.admin);
    for (const [button, name] of [
      ['#export-xlsx', 'creditlens-assessment-2026-10-22-2026-11-20.xlsx'],
      ['#export-csv', 'creditlens-assessment-2026-10-22-2026-11-20.csv'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      expect(download.suggestedFilename()).toBe(name);
      expect((await readFile((await download.path())!)).length).toBeGreaterThan(200);
    }
    await page.close();
  });

  it('says why when the token is wrong', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${platform.url}/dashboard`);
    await page.fill('#token', 'not-a-valid-token-at-all');
    await page.click('button[type=submit]');
    await page.waitForSelector('#report[data-state=error]', { state: 'attached' });
    expect(await page.textContent('#message')).toContain('401');
    expect(await page.isVisible('#report')).toBe(false);
    await page.close();
  });
});
