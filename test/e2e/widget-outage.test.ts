/**
 * A platform outage while the department-system page is open: codes asked for during the outage
 * show `unknown` (never clear), and refreshed answers turn `unknown` too, a black-list one keeping
 * `lastKnown: 'black'` and its age. The outage is simulated by refusing every API request in the browser.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeVerdicts, demoSubjects, SHOTS, startWidgetWorld, waitForBadges, type DemoSubject, type WidgetWorld } from './fixtures/widget-world.ts';

describe('widget during a platform outage', () => {
  let world: WidgetWorld;
  let page: Page;
  let subjects: Map<string, DemoSubject>;
  const code = (role: string) => subjects.get(role)!.code;

  beforeAll(async () => {
    subjects = await demoSubjects();
    world = await startWidgetWorld();
    page = await world.browser.context.newPage();
    await page.goto(`${world.platform.url}/demo/widget-department-system.html`);
    await waitForBadges(page);
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
  });

  afterAll(async () => {
    await world?.close();
  });

  it('returns unknown for a code first asked during the outage', async () => {
    const fresh = code('institution-clear');
    expect(subjects.get('institution-clear')!.expectedVerdict).toBe('clear');
    await page.evaluate((c) => {
      const el = document.createElement('credit-status');
      el.setAttribute('code', c);
      document.querySelector('#applicants-section')!.append(el);
    }, fresh);
    await page.waitForFunction(
      (c) => document.querySelector(`credit-status[code="${c}"]`)?.shadowRoot?.querySelector('.cl-badge')?.getAttribute('data-verdict') === 'unknown',
      fresh,
      { timeout: 15_000 },
    );
    expect((await badgeVerdicts(page))[fresh]).toBe('unknown');
  });

  it('returns unknown from check() instead of clear', async () => {
    const [result] = await page.evaluate(
      (c) => window.CreditLens!.check(c).then((r) => r.map((x) => [x.verdict.kind, x.verdict.reason.errorKind])),
      code('red-expired'),
    );
    expect(result).toEqual(['unknown', 'offline']);
  });

  it('returns unknown for refreshed answers, a black one keeping its last known verdict', async () => {
    void page.evaluate(() => window.CreditLens!.refresh());
    await page.waitForFunction(
      (c) => document.querySelector(`credit-status[code="${c}"]`)?.shadowRoot?.querySelector('.cl-badge')?.getAttribute('data-verdict') === 'unknown',
      code('clear'),
      { timeout: 20_000 },
    );
    const black = page.locator(`credit-status[code="${code('black')}"] .cl-badge`);
    await page.waitForFunction((c) => document.querySelector(`credit-status[code="${c}"]`)?.shadowRoot?.querySelector('.cl-badge.cl-stale'), code('black'), {
      timeout: 20_000,
    });
    // core/verdict: a failed refresh shows unknown whatever was cached; the last answer is kept as lastKnown.
    await expect(black.getAttribute('data-verdict')).resolves.toBe('unknown');
    const lastKnown = await page.evaluate(
      (c) => (document.querySelector(`credit-status[code="${c}"]`) as unknown as { verdict: { lastKnown?: string } }).verdict.lastKnown,
      code('black'),
    );
    expect(lastKnown).toBe('black');
    const shown = await badgeVerdicts(page);
    expect(Object.values(shown)).not.toContain('clear');
    await page.screenshot({ path: join(SHOTS, 'widget-outage.png'), fullPage: true });
  }, 60_000);
});

declare global {
  interface Window {
    CreditLens?: import('../../widget/runtime/create-credit-lens.ts').CreditLens;
  }
}
