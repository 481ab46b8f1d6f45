/**
 * The script tag from another origin, as a department system would embed it: the host page is on
 * http://localhost:PORT, the widget and platform on http://127.0.0.1:PORT. Badges come from the
 * script tag alone; the card's code is imported from beside the script (a CORS module fetch)
 * only when a card is first opened.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeVerdicts, demoSubjects, startWidgetWorld, waitForBadges, watchPageProblems, type WidgetWorld } from './fixtures/widget-world.ts';

describe('widget embedded from another origin', () => {
  let world: WidgetWorld;
  let page: Page;
  let problems: string[];
  let black: string;
  let clear: string;
  const widgetFiles: string[] = [];

  beforeAll(async () => {
    const subjects = await demoSubjects();
    black = subjects.get('black')!.code;
    clear = subjects.get('clear')!.code;
    world = await startWidgetWorld({ build: false });
    page = await world.browser.context.newPage();
    problems = await watchPageProblems(page);
    page.on('request', (r) => {
      if (r.url().includes('/widget/')) widgetFiles.push(new URL(r.url()).pathname);
    });
    const platform = world.platform.url; // http://127.0.0.1:PORT
    const host = platform.replace('127.0.0.1', 'localhost');
    await page.goto(`${host}/demo/index.html`);
    await page.evaluate(
      ([platformUrl, codes]) => {
        document.body.replaceChildren();
        for (const code of codes) {
          const el = document.createElement('credit-status');
          el.setAttribute('code', code);
          document.body.append(el);
        }
        const script = document.createElement('script');
        script.src = `${platformUrl}/widget/credit-lens.js`;
        script.dataset.platform = platformUrl;
        script.dataset.context = 'procurement';
        document.head.append(script);
      },
      [platform, [black, clear]] as const,
    );
    await waitForBadges(page);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('returns the verdicts from the script tag alone, before any card is opened', async () => {
    expect(await badgeVerdicts(page)).toEqual({ [black]: 'black', [clear]: 'clear' });
    expect(widgetFiles).toEqual(['/widget/credit-lens.js']);
  });

  it('returns the card after importing the rest from beside the script across origins', async () => {
    await page.locator(`credit-status[code="${black}"]`).locator('button').click();
    const panel = page.locator(`credit-status[code="${black}"]`).locator('.cl-panel');
    await panel.waitFor({ timeout: 15_000 });
    await expect(panel.locator('.cl-entry').first().textContent()).resolves.toBeTruthy();
    expect(widgetFiles).toContain('/widget/credit-lens-more.mjs');
    expect(widgetFiles.filter((f) => f === '/widget/credit-lens-more.mjs')).toHaveLength(1);
  });

  it('returns no console error, page error or CSP violation', () => {
    expect(problems).toEqual([]);
  });

  it('returns the badge and a plain message when the rest cannot be fetched, and says why in the console', async () => {
    const blocked = await world.browser.context.newPage();
    const errors: string[] = [];
    blocked.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await blocked.route('**/widget/credit-lens-more.mjs*', (route) => route.abort('connectionrefused'));
    await blocked.goto(`${world.platform.url}/demo/widget-department-system.html`);
    const el = blocked.locator('credit-status').first();
    await el.locator('.cl-badge:not([data-verdict=pending])').waitFor({ timeout: 15_000 });
    await el.locator('button').click();
    await blocked.waitForFunction(() => document.querySelector('credit-status')?.shadowRoot?.textContent?.includes('详情暂时无法加载'), undefined, {
      timeout: 10_000,
    });
    expect(await el.locator('.cl-badge').getAttribute('data-verdict')).not.toBe('pending');
    expect(errors.some((e) => e.includes('credit-lens-more.mjs') && e.includes('could not be loaded'))).toBe(true);
    await blocked.close();
  });
});
