/**
 * The widget in an old department system: jQuery 1.12 adding rows and re-rendering a region with
 * `.html()`, an AMD loader's `define` on the page, enumerable Array.prototype additions, and an
 * iframe that embeds the widget again. Real Chromium, real platform.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPages } from './fixtures/render-pages.ts';
import { badgeVerdicts, demoSubjects, ROOT, SHOTS, startWidgetWorld, waitForBadges, watchPageProblems, type WidgetWorld } from './fixtures/widget-world.ts';

describe('widget in an old jQuery system with an iframe', () => {
  let world: WidgetWorld;
  let page: Page;
  let frame: Frame;
  let problems: string[];
  let pagesDir: string;
  const code: Record<string, string> = {};

  beforeAll(async () => {
    const subjects = await demoSubjects();
    for (const role of ['black', 'red', 'clear', 'watch', 'disputed']) code[role] = subjects.get(role)!.code;
    pagesDir = await renderPages(code, ['widget-legacy.html', 'widget-legacy-frame.html']);
    world = await startWidgetWorld({
      build: false,
      staticDirs: [
        { prefix: '/e2e/', dir: pagesDir },
        { prefix: '/vendor-jquery/', dir: resolve(ROOT, 'node_modules/jquery/dist') },
      ],
    });
    page = await world.browser.context.newPage();
    problems = await watchPageProblems(page);
    await page.goto(`${world.platform.url}/e2e/widget-legacy.html`);
    await waitForBadges(page);
    frame = page.frames().find((f) => f.url().endsWith('widget-legacy-frame.html'))!;
    await waitForBadges(frame as unknown as Page);
  });

  afterAll(async () => {
    await world?.close();
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('returns the verdicts of the page, including the row jQuery appended', async () => {
    expect(await badgeVerdicts(page)).toEqual({ [code.black!]: 'black', [code.red!]: 'red', [code.watch!]: 'watch' });
  });

  it('returns the verdict inside the iframe, from its own copy of the widget', async () => {
    expect(await badgeVerdicts(frame as unknown as Page)).toEqual({ [code.disputed!]: 'disputed' });
    expect(await frame.evaluate(() => typeof (window as unknown as { CreditLens?: unknown }).CreditLens)).toBe('object');
  });

  it('returns a badge for the element jQuery puts in with .html()', async () => {
    await page.click('#replace');
    await page.waitForFunction(
      (c) => document.querySelector(`#box credit-status[code="${c}"]`)?.shadowRoot?.querySelector('.cl-badge')?.getAttribute('data-verdict') === 'clear',
      code.clear,
      { timeout: 15_000 },
    );
    await page.screenshot({ path: resolve(SHOTS, 'widget-legacy-system.png'), fullPage: true });
  });

  it('returns creditlens:verdict events to jQuery handlers', async () => {
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual(expect.arrayContaining([`${code.black}:black`, `${code.red}:red`, `${code.watch}:watch`, `${code.clear}:clear`]));
  });

  it('returns the page jQuery and AMD loader untouched, and CreditLens as the only new global', async () => {
    const state = await page.evaluate(() => {
      const w = window as unknown as {
        $: { fn: { jquery: string } };
        jQuery: unknown;
        define: ((...args: unknown[]) => void) & { amd: unknown; calls: string[] };
        globalsBefore: string[];
      };
      return {
        jquery: w.$.fn.jquery,
        sameJquery: w.$ === w.jQuery,
        amd: typeof w.define === 'function' && typeof w.define.amd === 'object',
        // jQuery registers itself with the loader; the widget never does (it is not UMD).
        amdCalls: w.define.calls,
        added: Object.keys(window).filter((k) => !w.globalsBefore.includes(k)),
      };
    });
    expect(state.jquery).toBe('1.12.4');
    expect(state.sameJquery).toBe(true);
    expect(state.amd).toBe(true);
    expect(state.amdCalls).toEqual(['jquery']);
    // jQuery's own globals, the page's variables and the iframe's index (`window[0]`) are the page's;
    // the widget adds CreditLens alone.
    const pages = ['$', 'jQuery', 'seen', 'globalsBefore'];
    expect(state.added.filter((k) => !pages.includes(k) && !k.startsWith('jQuery') && !/^\d+$/.test(k))).toEqual(['CreditLens']);
  });

  it('returns the card, loaded on demand, next to the old code', async () => {
    const el = page.locator(`credit-status[code="${code.black}"]`);
    await el.locator('button').click();
    await el.locator('.cl-panel .cl-entry').first().waitFor({ timeout: 15_000 });
    // The context's name heads its measures, drawn once the catalogue has loaded.
    await el.locator('.cl-panel .cl-measure').first().waitFor({ timeout: 15_000 });
    expect(await el.locator('.cl-panel').textContent()).toContain('行政审批');
  });

  it('returns no console error, page error or CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
