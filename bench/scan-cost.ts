/**
 * What the page scanner costs in real Chromium. Generated pages of 1,000 / 10,000 / 100,000 text
 * nodes (table cells of Chinese text) with 10 / 1,000 / 5,000 codes; for each: time until every
 * code is highlighted (createPageScanner, verdicts answered at once), a bare TreeWalker pass that
 * only reads the text (the floor), and mark.js wrapping the same codes in <mark> (a common
 * highlighter). Plus the scanner's cost on a 100,000-node page without any code (what the content
 * script adds to a page it has nothing to say about). Median of 3 runs, fresh page each.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/fixtures/launch-chromium.ts';
import { generatedCodes as makeCodes } from '../test/e2e/fixtures/generated-codes.ts';

const CASES =
  process.env.SCAN_CASE === 'empty'
    ? [{ nodes: 100_000, codes: 0 }]
    : [
        { nodes: 1_000, codes: 10 },
        { nodes: 10_000, codes: 1_000 },
        { nodes: 100_000, codes: 5_000 },
        { nodes: 100_000, codes: 0 },
      ];
const RUNS = 3;
const CODE_RE = '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}';

async function bundles(): Promise<{ scanner: string; markjs: string }> {
  const result = await build({
    stdin: {
      contents: `import { createPageScanner } from './core/scan/create-page-scanner.ts'; window.createPageScanner = createPageScanner;`,
      resolveDir: resolve(import.meta.dirname, '..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
  });
  const require = createRequire(import.meta.url);
  const { readFile } = await import('node:fs/promises');
  return { scanner: result.outputFiles[0]!.text, markjs: await readFile(require.resolve('mark.js/dist/mark.min.js'), 'utf8') };
}

async function setUp(page: Page, nodes: number, codes: string[], scripts: string[]): Promise<void> {
  await page.setContent('<!doctype html><html lang="zh-CN"><body><table id="t"></table></body></html>');
  // tsx compiles the functions passed to evaluate with esbuild's keepNames helper.
  await page.addScriptTag({ content: 'window.__name = (f) => f;' });
  for (const script of scripts) await page.addScriptTag({ content: script });
  await page.evaluate(
    ({ nodes, codes }) => {
      const words = ['汉阳区', '审批事项', '申请单位', '经营范围', '联系电话', '办理进度', '已受理', '材料齐全', '注册资本', '备注'];
      const table = document.getElementById('t')!;
      const every = codes.length > 0 ? Math.floor(nodes / codes.length) : Infinity;
      let tr: HTMLTableRowElement | null = null;
      let c = 0;
      const frag = document.createDocumentFragment();
      for (let i = 0; i < nodes; i++) {
        if (i % 5 === 0) tr = frag.appendChild(document.createElement('tr'));
        const td = tr!.appendChild(document.createElement('td'));
        td.textContent = i % every === 0 && c < codes.length ? `代码：${codes[c++]}` : `${words[i % words.length]}${i}号`;
      }
      table.append(frag);
    },
    { nodes, codes },
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Prints the table. */
export async function run(): Promise<void> {
  const { scanner, markjs } = await bundles();
  const chromium = await launchChromium();
  const page = await chromium.context.newPage();
  try {
    console.log('text nodes  codes  TreeWalker floor  scanner (all highlighted)  mark.js (<mark> wrap)');
    for (const { nodes, codes: count } of CASES) {
      const codes = makeCodes(count);
      const floor: number[] = [];
      const ours: number[] = [];
      const mark: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        await setUp(page, nodes, codes, []);
        floor.push(
          await page.evaluate(() => {
            const t0 = performance.now();
            const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            let n = 0;
            for (let node = w.nextNode(); node; node = w.nextNode()) n += (node as Text).data.length;
            return performance.now() - t0 + (n < 0 ? 1 : 0);
          }),
        );
        await setUp(page, nodes, codes, [scanner]);
        ours.push(
          await page.evaluate(
            (expected) =>
              new Promise<number>((done) => {
                const t0 = performance.now();
                const controller = new AbortController();
                const count = () => [...CSS.highlights.values()].reduce((s, h) => s + h.size, 0);
                const finish = () => {
                  const painted = [...CSS.highlights].filter(([name]) => name === 'creditlens-clear').reduce((s, [, h]) => s + h.size, 0);
                  if (painted >= expected) done(performance.now() - t0);
                  else requestAnimationFrame(finish);
                };
                const scanner = (
                  window as unknown as { createPageScanner: (opts: unknown) => { setVerdicts(verdicts: [string, { kind: string }][]): void } }
                ).createPageScanner({
                  document,
                  signal: controller.signal,
                  onCodes: (asked: { code: string }[]) => queueMicrotask(() => scanner.setVerdicts(asked.map(({ code }) => [code, { kind: 'clear' }]))),
                });
                if (expected === 0) done(performance.now() - t0 + (count() < 0 ? 1 : 0));
                else queueMicrotask(finish);
              }),
            count,
          ),
        );
        if (count > 0) {
          await setUp(page, nodes, codes, [markjs]);
          mark.push(
            await page.evaluate(
              (re) =>
                new Promise<number>((done) => {
                  const t0 = performance.now();
                  const Mark = (window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp, o: object): void } }).Mark;
                  new Mark(document.body).markRegExp(new RegExp(re, 'g'), { done: () => done(performance.now() - t0) });
                }),
              CODE_RE,
            ),
          );
        }
      }
      const fmt = (xs: number[]) => (xs.length ? `${median(xs).toFixed(1)} ms` : '—');
      console.log(
        `${String(nodes).padStart(10)}  ${String(count).padStart(5)}  ${fmt(floor).padStart(16)}  ${fmt(ours).padStart(25)}  ${fmt(mark).padStart(21)}`,
      );
    }
  } finally {
    await chromium.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
