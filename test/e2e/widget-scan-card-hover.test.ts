/**
 * The card of a scanned code under the pointer, in real Chromium: moving over the open card must
 * not open the card of a code that lies beneath it, and passing over another code while working
 * in the card must not replace it. (The extension draws the same marker layer.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSubjects, startWidgetWorld, watchPageProblems, type WidgetWorld } from './fixtures/widget-world.ts';
import { framesRendered } from './fixtures/frames-rendered.ts';

describe('hovering scanned codes and their card', () => {
  let world: WidgetWorld;
  let page: Page;
  let problems: string[];
  let first: string;
  let under: string;
  let far: string;

  /** The code the open card shows, or null when it is hidden. */
  const cardCode = (): Promise<string | null> =>
    page.evaluate(() => {
      const card = document.querySelector('creditlens-overlay')?.shadowRoot?.querySelector<HTMLElement>('.card');
      return card && !card.hidden ? (card.dataset.code ?? null) : null;
    });

  /** The centre of a code's text on screen. */
  const centreOf = (code: string): Promise<{ x: number; y: number }> =>
    page.evaluate((c) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(c);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + c.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`${c} is not on the page`);
    }, code);

  const waitForCard = (code: string) =>
    page.waitForFunction(
      (c) => {
        const card = document.querySelector('creditlens-overlay')?.shadowRoot?.querySelector<HTMLElement>('.card');
        return card && !card.hidden && card.dataset.code === c;
      },
      code,
      { timeout: 10_000 },
    );

  beforeAll(async () => {
    const subjects = await demoSubjects();
    first = subjects.get('black')!.code;
    under = subjects.get('red')!.code;
    far = subjects.get('clear')!.code;
    world = await startWidgetWorld({ build: false });
    page = await world.browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    problems = await watchPageProblems(page);
    await page.goto(`${world.platform.url}/demo/index.html`);
    await page.evaluate(
      ([a, b, c]) => {
        document.body.replaceChildren();
        // Two codes on consecutive lines (the card of the first opens over the second), one far to the right.
        for (const [text, left] of [
          [`甲公司 ${a}`, 0],
          [`乙公司 ${b}`, 0],
          [`丙公司 ${c}`, 620],
        ] as const) {
          const p = document.createElement('p');
          p.textContent = text;
          p.style.margin = '0';
          p.style.paddingLeft = `${left}px`;
          p.style.font = '16px/20px sans-serif';
          document.body.append(p);
        }
        const script = document.createElement('script');
        script.src = '/widget/credit-lens.js';
        script.dataset.platform = location.origin;
        document.head.append(script);
      },
      [first, under, far] as const,
    );
    await page.waitForFunction(() => 'CreditLens' in window);
    await page.evaluate(() => (window as unknown as { CreditLens: { scan(): Promise<unknown> } }).CreditLens.scan());
  });

  afterAll(async () => {
    await world?.close();
  });

  it('returns the first card kept while the pointer moves over it, above another code', async () => {
    const a = await centreOf(first);
    await page.mouse.move(a.x, a.y);
    await waitForCard(first);
    const b = await centreOf(under);
    // The second code lies under the open card: the pointer is on the card, not on the code.
    const covered = await page.evaluate(
      ([x, y]) => {
        const card = document.querySelector('creditlens-overlay')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        return x >= card.left && x <= card.right && y >= card.top && y <= card.bottom;
      },
      [b.x, b.y] as const,
    );
    expect(covered).toBe(true);
    await page.mouse.move(b.x, b.y, { steps: 5 });
    // Hovering is hit-tested once per animation frame: two frames later the move was judged.
    await framesRendered(page);
    expect(await cardCode()).toBe(first);
  });

  it('returns the card kept while focus is inside it, even when the pointer passes another code', async () => {
    const a = await centreOf(first);
    await page.mouse.move(a.x, a.y);
    await waitForCard(first);
    // Focus something inside the card (its link to the platform), as someone filling a form would.
    await page.evaluate(() => {
      const card = document.querySelector('creditlens-overlay')!.shadowRoot!.querySelector('.card')!;
      (card.querySelector('a, button, input, select, textarea') as HTMLElement).focus();
    });
    const c = await centreOf(far);
    await page.mouse.move(c.x, c.y, { steps: 5 });
    await framesRendered(page);
    expect(await cardCode()).toBe(first);
  });

  it('returns the other card on hover when nothing in the open card has focus', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(1, 700);
    await page.waitForFunction(
      () => {
        const card = document.querySelector('creditlens-overlay')?.shadowRoot?.querySelector<HTMLElement>('.card');
        return !card || card.hidden;
      },
      undefined,
      { timeout: 5_000 },
    );
    const c = await centreOf(far);
    await page.mouse.move(c.x, c.y, { steps: 5 });
    await waitForCard(far);
    expect(await cardCode()).toBe(far);
  });

  it('returns no console error, page error or CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
