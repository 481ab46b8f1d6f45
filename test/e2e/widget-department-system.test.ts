/**
 * The widget end to end on its demo "department system" page: built script-tag bundle, real
 * reference platform, Debian Chromium. Badges, check, scan (codes added later), events, lang.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeVerdicts,
  demoSubjects,
  highlights,
  SHOTS,
  openWidgetPage,
  startWidgetWorld,
  waitForHighlight,
  type DemoSubject,
  type WidgetWorld,
} from './fixtures/widget-world.ts';

describe('widget on the department-system demo page', () => {
  let world: WidgetWorld;
  let page: Page;
  let problems: string[];
  let subjects: Map<string, DemoSubject>;
  const code = (role: string) => subjects.get(role)!.code;

  beforeAll(async () => {
    subjects = await demoSubjects();
    world = await startWidgetWorld();
    ({ page, problems } = await openWidgetPage(world, '/demo/widget-department-system.html'));
  });

  afterAll(async () => {
    await world?.close();
  });

  it('returns the expected verdict on every badge', async () => {
    const shown = await badgeVerdicts(page);
    for (const role of ['black', 'black-and-red', 'red', 'disputed', 'watch', 'clear', 'not-in-db']) {
      expect(shown[code(role)], role).toBe(subjects.get(role)!.expectedVerdict);
    }
    await page.screenshot({ path: join(SHOTS, 'widget-department-system.png'), fullPage: true });
  });

  it('returns the registered name in the badge and the full card on Enter', async () => {
    const el = page.locator(`credit-status[code="${code('black')}"]`);
    await expect(el.locator('.cl-name').textContent()).resolves.toBe(subjects.get('black')!.name);
    await el.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(el.locator('button').getAttribute('aria-expanded')).resolves.toBe('true');
    await el.locator('.cl-measure').first().waitFor({ timeout: 10_000 });
    const card = await el.locator('.cl-card').textContent();
    expect(card).toContain('认定部门');
    expect(card).toContain('失信被执行人');
    expect(card).toContain('行政审批');
    await page.screenshot({ path: join(SHOTS, 'widget-card-expanded.png') });
    await page.keyboard.press('Escape');
    await expect(el.locator('.cl-panel').count()).resolves.toBe(0);
  });

  it('returns the objection state and suspended measures for a disputed subject', async () => {
    const el = page.locator(`credit-status[code="${code('disputed')}"]`);
    await el.locator('button').click();
    await el.locator('.cl-objection').waitFor();
    expect(await el.locator('.cl-objection').textContent()).toContain('核查中');
    await el.locator('.cl-measure').first().waitFor({ timeout: 10_000 });
    expect(await el.locator('.cl-measure.cl-suspended').count()).toBeGreaterThan(0);
    await el.locator('button').click();
  });

  it('returns a verdict from check() and asks for confirmation for a black-listed applicant', async () => {
    await page.fill('#approve-code', code('black'));
    await page.click('#approve');
    await page.waitForFunction(() => document.getElementById('decision')?.dataset.verdict);
    expect(await page.getAttribute('#decision', 'data-verdict')).toBe('black');
    expect(await page.textContent('#decision')).toContain('须经负责人确认');
    const direct = await page.evaluate((c) => window.CreditLens!.check([c]).then((r) => r.map((x) => [x.code, x.verdict.kind])), code('red'));
    expect(direct).toEqual([[code('red'), 'red']]);
  });

  it('returns highlights from scan(), also for codes added later', async () => {
    await waitForHighlight(page, code('black-multiple'), 'black');
    await waitForHighlight(page, code('association-red'), 'red');
    const before = await highlights(page);
    expect(before['creditlens-black']).not.toContain(code('black-not-repairable'));
    await page.click('#add-document');
    await waitForHighlight(page, code('black-not-repairable'), 'black');
    await page.waitForFunction((c) => document.getElementById('scan-summary')?.textContent?.includes(c), code('black-not-repairable'));
    // The summary counts by look, in the page's words, with the scan's own counts().
    const summary = (await page.textContent('#scan-summary'))!;
    expect(summary).toMatch(/黑名单 \d+/);
    const total = Number(/已标注 (\d+) 个代码/.exec(summary)![1]);
    const counted = [...summary.matchAll(/ (\d+)[，）]/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted).toBe(total);
    await page.screenshot({ path: join(SHOTS, 'widget-scan-added-later.png'), fullPage: true });
  });

  it('returns creditlens:verdict events for the codes on the page', async () => {
    const log = await page.textContent('#event-log');
    for (const role of ['black', 'red', 'disputed', 'watch', 'clear']) expect(log).toContain(`${code(role)} ${subjects.get(role)!.expectedVerdict}`);
  });

  it('returns English badges when the page switches lang', async () => {
    await page.click('#toggle-lang');
    await page.waitForFunction((c) => document.querySelector(`credit-status[code="${c}"]`)?.shadowRoot?.textContent?.includes('Black list'), code('black'));
    await page.screenshot({ path: join(SHOTS, 'widget-department-system-en.png') });
    await page.click('#toggle-lang');
  });

  it('returns no console error, page error or CSP violation', () => {
    expect(problems).toEqual([]);
  });

  it('returns only CreditLens as a new global', async () => {
    const fresh = await world.browser.context.newPage();
    await fresh.goto(`${world.platform.url}/demo/`);
    const added = await fresh.evaluate(async (src) => {
      const before = new Set(Object.getOwnPropertyNames(window));
      const script = document.createElement('script');
      script.src = src;
      await new Promise((r) => {
        script.onload = r;
        document.head.append(script);
      });
      return Object.getOwnPropertyNames(window).filter((n) => !before.has(n));
    }, `${world.platform.url}/widget/credit-lens.js`);
    expect(added).toEqual(['CreditLens']);
    await fresh.close();
  });
});

declare global {
  interface Window {
    CreditLens?: import('../../widget/runtime/create-credit-lens.ts').CreditLens;
  }
}
