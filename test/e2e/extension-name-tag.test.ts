/**
 * The name-mismatch tag placed like a badge (issue 14): the built extension in Chromium, the
 * bid-evaluation demo page with its 50-bidder frame, one row of which names another company than
 * its code's registered one. The tag (in the extension's closed shadow root, reached through CDP)
 * must lie on the code's line after its end: never over the row above, the name cell's text or
 * the code's own text, and never over the open card (hidden while the card covers it).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { saveSettings } from './fixtures/save-settings.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const expected = JSON.parse(await readFile(resolve(ROOT, 'demo/expected-codes.json'), 'utf8')).pages['bidders-frame.html'] as {
  nameMismatch: { code: string; shownName: string; registeredName: string }[];
};
const MISMATCH = expected.nameMismatch[0]!;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const intersects = (a: Box, b: Box): boolean => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

describe('the name-mismatch tag on the bid-evaluation page', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let demo: Page;
  let frame: Frame;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, seed: true, staticDirs: [{ prefix: '/demo/', dir: resolve(ROOT, 'demo') }] });
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.department,
    });
    demo = await chromium.context.newPage();
    await demo.goto(`${platform.url}/demo/bid-evaluation.html`);
    frame = demo.frame({ url: /bidders-frame\.html/ })!;
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close();
  });

  /** Boxes in the frame's viewport: the mismatched row's name text, its code text, and the row above. */
  const pageBoxes = () =>
    frame.evaluate((code) => {
      const cell = [...document.querySelectorAll('td.code')].find((td) => td.textContent?.trim() === code)!;
      const row = cell.closest('tr')!;
      const textBox = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      const above = row.previousElementSibling!.getBoundingClientRect();
      return {
        name: textBox(row.cells[1]!),
        code: textBox(cell),
        rowAbove: { left: above.left, top: above.top, right: above.right, bottom: above.bottom },
      };
    }, MISMATCH.code);

  it('sits after the code on its own line, clear of the row above, the name and the code', async () => {
    await frame.locator('td.code', { hasText: MISMATCH.code }).scrollIntoViewIfNeeded();
    const overlay = extensionOverlay(demo, frame);
    const tag = `.name-flag[data-code="${MISMATCH.code}"]`;
    await expect.poll(() => overlay.isVisible(tag), { timeout: 20_000 }).toBe(true);
    expect(await overlay.text(tag)).toContain('名称与代码不符');
    const tagBox = async () => (await overlay.element(tag)).evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    const boxes = await pageBoxes();
    const box = await tagBox();
    expect(box.right - box.left).toBeGreaterThan(0);
    expect(intersects(box, boxes.name)).toBe(false);
    expect(intersects(box, boxes.code)).toBe(false);
    expect(intersects(box, boxes.rowAbove)).toBe(false);

    // The card opened from the code: the tag is never drawn over it.
    await overlay.openCard(`.mark[data-code="${MISMATCH.code}"]`);
    await expect.poll(() => overlay.text('.card .cl-mismatch-notice'), { timeout: 10_000 }).toContain(MISMATCH.shownName);
    const card = await (await overlay.element('.card')).evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    await expect.poll(async () => !(await overlay.isVisible(tag)) || !intersects(await tagBox(), card), { timeout: 5000 }).toBe(true);
    // And the card lies above the tags in paint order: the tags come before it in the root.
    expect(
      await (
        await overlay.root()
      ).evaluate((root) => {
        const r = root as ShadowRoot;
        const flags = r.querySelector('.name-flags')!;
        const c = [...r.children].find((e) => e.classList.contains('card'))!;
        return Boolean(flags.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
    ).toBe(true);
    await demo.keyboard.press('Escape');
  });
});
