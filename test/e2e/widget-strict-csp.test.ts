/**
 * The widget under the strictest CSP a host is likely to run (no inline script or style, no
 * eval): badges, scan and check must work and no `securitypolicyviolation` may be reported.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { framesRendered } from './fixtures/frames-rendered.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeVerdicts,
  demoSubjects,
  SHOTS,
  openWidgetPage,
  startWidgetWorld,
  waitForHighlight,
  type DemoSubject,
  type WidgetWorld,
} from './fixtures/widget-world.ts';

describe('widget on a page with a strict CSP', () => {
  let world: WidgetWorld;
  let page: Page;
  let problems: string[];
  let subjects: Map<string, DemoSubject>;
  const code = (role: string) => subjects.get(role)!.code;

  beforeAll(async () => {
    subjects = await demoSubjects();
    world = await startWidgetWorld();
    ({ page, problems } = await openWidgetPage(world, '/demo/widget-strict-csp.html'));
  });

  afterAll(async () => {
    await world?.close();
  });

  it('returns a CSP that allows neither inline code nor eval', async () => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The policy is in force: an inline style attribute set through markup is refused.
    const before = problems.length;
    const refused = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.setAttribute('style', 'color: rgb(1, 2, 3)');
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color !== 'rgb(1, 2, 3)';
    });
    expect(refused).toBe(true);
    // Forget the probe's own violation once both reports of it are in (the event and the console error).
    await expect.poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.length), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => problems.slice(before).filter((p) => p.startsWith('csp: style-src') || p.startsWith('console:')).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.pop());
    problems.splice(before);
  });

  it('returns the expected verdicts on the badges, styled by the adopted sheet', async () => {
    const shown = await badgeVerdicts(page);
    for (const role of ['black', 'red', 'disputed', 'clear']) expect(shown[code(role)], role).toBe(subjects.get(role)!.expectedVerdict);
    const background = await page.evaluate(
      (c) => getComputedStyle(document.querySelector(`credit-status[code="${c}"]`)!.shadowRoot!.querySelector('.cl-badge')!).backgroundColor,
      code('black'),
    );
    expect(background).toBe('rgb(27, 27, 27)');
  });

  it('returns highlights from scan() and a verdict from check()', async () => {
    await waitForHighlight(page, code('black-multiple'), 'black');
    const [result] = await page.evaluate((c) => window.CreditLens!.check(c).then((r) => r.map((x) => x.verdict.kind)), code('disputed'));
    expect(result).toBe('disputed');
  });

  it('returns the expanded card', async () => {
    const el = page.locator(`credit-status[code="${code('black')}"]`);
    await el.locator('button').click();
    await el.locator('.cl-measure').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'widget-strict-csp.png'), fullPage: true });
  });

  it('returns no CSP violation, console error or page error', async () => {
    // Whatever the last test's card drew has been rendered (and reported) by now.
    await framesRendered(page);
    const reportedByPage = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(reportedByPage).toEqual([]);
    expect(problems).toEqual([]);
  });
});

declare global {
  interface Window {
    CreditLens?: import('../../widget/runtime/create-credit-lens.ts').CreditLens;
  }
}
