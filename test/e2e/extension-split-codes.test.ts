/**
 * Codes split across inline elements, end to end: the built extension in Debian's Chromium, the
 * real reference platform, and test/e2e/pages/split-codes.html, whose codes sit in `<b>`, `<em>`,
 * nested spans and spaced groups — and, as counter-examples, across block boundaries, a `<br>`,
 * after a letter, and half inside a `display: none` element. Highlights are read back from
 * `CSS.highlights` as the text of each range; the page keeps its own markup and text nodes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

const SHOTS = 'test-results/screenshots';
const PAGE = resolve(import.meta.dirname, 'pages/split-codes.html');

/** The bits of the extension API used inside `evaluate` (they run in the browser, not in Node). */
interface Painted {
  name: string;
  /** The text the range covers. */
  text: string;
  /** Whether it starts and ends in different text nodes. */
  split: boolean;
}

/** Every range of every `creditlens-*` highlight of the page. */
const painted = (page: Page): Promise<Painted[]> =>
  page.evaluate(() =>
    [...CSS.highlights].flatMap(([name, highlight]) =>
      [...highlight].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return { name, text: range.toString(), split: r.startContainer !== r.endContainer };
      }),
    ),
  );

/** The verdict highlights, as code (separators dropped) → kind. */
async function kinds(page: Page): Promise<Record<string, string>> {
  const all = await painted(page);
  return Object.fromEntries(all.filter((p) => p.name !== 'creditlens-suspect').map((p) => [p.text.replace(/[\s-]/g, ''), p.name.replace('creditlens-', '')]));
}

/** `{{role from-to}}` → characters [from, to) of the role's code. */
async function renderPage(codes: Record<string, string>): Promise<string> {
  const html = (await readFile(PAGE, 'utf8')).replace(/\{\{([a-z-]+) (\d+)-(\d+)\}\}/g, (_, role: string, from: string, to: string) => {
    const code = codes[role];
    if (!code) throw new Error(`no code for ${role}`);
    return code.slice(Number(from), Number(to));
  });
  const dir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-split-'));
  await writeFile(join(dir, 'split-codes.html'), html);
  return dir;
}

describe('extension on codes split across elements', () => {
  let platform: RunningPlatform;
  let browser: LaunchedChromium;
  let dbDir: string;
  let pagesDir: string;
  let page: Page;
  let overlay: ExtensionOverlay;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    for (const s of await demoSubjects()) if (s.role && !codes[s.role]) codes[s.role] = s.code;
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-db-'));
    pagesDir = await renderPage(codes);
    platform = await startPlatform({ port: 0, dbPath: join(dbDir, 'platform.db'), seed: true, staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });
    browser = await launchChromium({ extension: true });
    await saveSettings(browser.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.viewer,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 1,
    });
    page = await browser.context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${platform.url}/e2e/split-codes.html`);
    overlay = extensionOverlay(page);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('paints each split code whole, with its verdict, and nothing across a block, a line break, a letter or hidden text', async () => {
    const expected = { [codes.black!]: 'black', [codes.red!]: 'red', [codes.watch!]: 'watch', [codes.clear!]: 'clear', [codes['association-red']!]: 'red' };
    await expect.poll(() => kinds(page), { timeout: 20_000 }).toEqual(expected);
    const ranges = await painted(page);
    // Every code but the last one is split: its range starts and ends in different text nodes.
    expect(
      ranges
        .filter((r) => r.split)
        .map((r) => r.text.replace(/\s/g, ''))
        .sort(),
    ).toEqual([codes.black, codes.red, codes.watch, codes.clear].sort());
    expect(ranges.map((r) => r.text)).toContain(
      `${codes.clear!.slice(0, 4)} ${codes.clear!.slice(4, 8)} ${codes.clear!.slice(8, 12)} ${codes.clear!.slice(12, 16)} ${codes.clear!.slice(16)}`,
    );
    await page.screenshot({ path: `${SHOTS}/extension-split-codes.png`, fullPage: true });
  });

  it('leaves the page its markup and its very text nodes', async () => {
    const same = await page.evaluate(() => {
      const { html, texts, data } = (window as unknown as { splitBefore: { html: string; texts: Text[]; data: string[] } }).splitBefore;
      const split = document.getElementById('split')!;
      const now: Text[] = [];
      const walker = document.createTreeWalker(split, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) now.push(node as Text);
      return {
        html: split.innerHTML === html,
        nodes: now.length === texts.length && now.every((node, i) => node === texts[i] && node.data === data[i]),
        wrappers: split.querySelectorAll('mark, creditlens-overlay').length,
      };
    });
    // The one <mark> is the page's own (the nested layout).
    expect(same).toEqual({ html: true, nodes: true, wrappers: 1 });
  });

  it('puts the marker over the whole split code and opens its card when the pointer rests on its second part', async () => {
    const code = codes.black!;
    const markBox = (await (await overlay.element(`.mark[data-code="${code}"]`)).boundingBox())!;
    const cell = await page.evaluate(() => {
      const td = document.getElementById('c-bold')!;
      const rectOf = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      };
      return { whole: rectOf(td), tail: rectOf(td.lastChild!) };
    });
    expect(Math.abs(markBox.x - cell.whole.x)).toBeLessThan(1);
    expect(Math.abs(markBox.width - cell.whole.width)).toBeLessThan(1);
    await page.mouse.move(cell.tail.x + cell.tail.width / 2, cell.tail.y + cell.tail.height / 2, { steps: 3 });
    await expect.poll(() => overlay.isVisible('.card'), { timeout: 5000 }).toBe(true);
    expect(await overlay.attribute('.card', 'data-code')).toBe(code);
    await page.mouse.move(5, 5, { steps: 3 });
    await expect.poll(() => overlay.isVisible('.card'), { timeout: 5000 }).toBe(false);
  });

  it('keeps a code whole when the page wraps part of it later (search-hit highlighting)', async () => {
    const code = codes['association-red']!;
    await page.click('#mark-hit');
    expect(await page.locator('#c-later').evaluate((el) => el.childNodes.length)).toBe(3);
    await expect
      .poll(async () => (await painted(page)).filter((r) => r.text === code).map((r) => [r.name, r.split]), { timeout: 10_000 })
      .toEqual([['creditlens-red', true]]);
  });
});
