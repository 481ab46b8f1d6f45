/**
 * The widget's badges as people see them (issue 14, Words and Colours): a black-listed name is
 * shown whole (never "…股份有…"), Chinese data is marked lang="zh-CN", colours come from the one
 * palette (monitoring purple, a public-only clear in its own grey, not the clear green), and every
 * verdict symbol draws a real glyph in English mode (⛔ drew an empty box). Built script-tag
 * bundle, reference platform, Debian Chromium.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICT_PALETTE } from '../../core/verdict/verdict-palette.ts';
import { demoSubjects, openWidgetPage, SHOTS, startWidgetWorld, type DemoSubject, type WidgetWorld } from './fixtures/widget-world.ts';

const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

describe('widget badges: words and colours', () => {
  let world: WidgetWorld;
  let page: Page;
  let subjects: Map<string, DemoSubject>;
  const badge = (role: string) => page.locator(`credit-status[code="${subjects.get(role)!.code}"] .cl-badge`);

  beforeAll(async () => {
    subjects = await demoSubjects();
    world = await startWidgetWorld();
    ({ page } = await openWidgetPage(world, '/demo/widget-department-system.html'));
  });

  afterAll(async () => {
    await world?.close();
  });

  it('shows a black-listed name whole, marked as Chinese, in a narrow column too', async () => {
    await page.setViewportSize({ width: 900, height: 900 });
    const name = badge('black').locator('.cl-name');
    await expect(name.textContent()).resolves.toBe(subjects.get('black')!.name);
    await expect(name.getAttribute('lang')).resolves.toBe('zh-CN');
    const clipped = await name.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis');
    expect(clipped).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'widget-badge-names.png'), fullPage: true });
  });

  it('draws each look in its palette colour: monitoring purple, public-only clear grey (not green)', async () => {
    await expect(badge('watch').evaluate((el) => getComputedStyle(el).color)).resolves.toBe(rgb(VERDICT_PALETTE.watch.ink));
    // The demo page reads anonymously: a clear answer comes from the public lists only.
    await expect(badge('clear').getAttribute('data-look')).resolves.toBe('public');
    const clear = await badge('clear').evaluate((el) => ({ color: getComputedStyle(el).color, border: getComputedStyle(el).borderTopStyle }));
    expect(clear).toEqual({ color: rgb(VERDICT_PALETTE.public.ink), border: VERDICT_PALETTE.public.border });
    expect(clear.color).not.toBe(rgb(VERDICT_PALETTE.clear.ink));
    const black = await badge('black').evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, color: getComputedStyle(el).color }));
    expect(black).toEqual({ background: rgb(VERDICT_PALETTE.black.ground), color: rgb(VERDICT_PALETTE.black.onGround) });
  });

  it('draws every verdict symbol with a real glyph in English mode (no empty boxes)', async () => {
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    await expect.poll(() => badge('black').locator('.cl-label').textContent()).toContain('Black list');
    const symbols = Object.values(VERDICT_PALETTE).map((s) => s.symbol);
    const font = await badge('black').evaluate((el) => getComputedStyle(el).fontFamily);
    // A glyph the fonts lack draws as the same .notdef box as a private-use character does.
    const missing = await page.evaluate(
      ({ symbols, font }) => {
        const draw = (ch: string): string => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 40;
          const ctx = canvas.getContext('2d')!;
          ctx.font = `28px ${font}`;
          ctx.fillText(ch, 4, 32);
          return canvas.toDataURL();
        };
        const box = draw('\uE000');
        return { control: draw('\uE001') === box, missing: symbols.filter((s) => draw(s) === box) };
      },
      { symbols, font },
    );
    expect(missing.control).toBe(true);
    expect(missing.missing).toEqual([]);
    await expect(badge('black').locator('.cl-name').getAttribute('lang')).resolves.toBe('zh-CN');
  });
});
