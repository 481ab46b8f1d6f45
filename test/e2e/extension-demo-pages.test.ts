/**
 * The extension on the demo pages `npm start` serves (demo/): every code the page shows is painted
 * with the verdict the demo data promises (platform/seed/demo-subjects.json), codes in frames,
 * late rows and client-side navigation are found, hostile content is ignored and harmless, the
 * pages' own scripts — and a framework's rendering — keep working. A screenshot of each page.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreditClient } from '../../core/api/create-credit-client.ts';
import { computeVerdict } from '../../core/verdict/compute-verdict.ts';
import { pageReadableKind } from '../../core/verdict/page-readable-kind.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects, renderPages } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/screenshots');

interface PageExpectations {
  visible: string[];
  inFormFields?: string[];
  suspect: string[];
  invalid: string[];
  addedByButton?: string[];
  lateRows?: string[];
  page2?: string[];
  inHugeBlock?: string[];
  ignored?: Record<string, string>;
}

/** `{ code: verdict }` painted in a frame; the suspect flag is reported apart. */
async function painted(frame: Page | Frame): Promise<{ kinds: Record<string, string>; suspect: string[] }> {
  return frame.evaluate(() => {
    const kinds: Record<string, string> = {};
    let suspect: string[] = [];
    for (const [name, h] of CSS.highlights) {
      const texts = [...h].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset).replace(/[\s-]/g, ''));
      if (name === 'creditlens-suspect') suspect = texts;
      // A flag laid over the verdict (name/code check), not a verdict.
      else if (name === 'creditlens-name-mismatch') continue;
      else for (const t of texts) kinds[t] = name.replace('creditlens-', '');
    }
    return { kinds, suspect };
  });
}

/**
 * Waits until every code in `expected` has been painted with its verdict; returns what was painted.
 * Only codes near the viewport stay in `CSS.highlights` (core/scan/create-highlight-painter.ts), so
 * what the page shows is gathered while scrolling: each code as it was last seen painted.
 */
async function expectPainted(frame: Page | Frame, expected: Record<string, string>, timeout = 20_000) {
  const until = Date.now() + timeout;
  const seen: { kinds: Record<string, string>; suspect: string[] } = { kinds: {}, suspect: [] };
  const look = async () => {
    const now = await painted(frame);
    Object.assign(seen.kinds, now.kinds);
    seen.suspect = [...new Set([...seen.suspect, ...now.suspect])];
  };
  await look();
  const wrong = () => Object.entries(expected).filter(([code, kind]) => seen.kinds[code] !== kind);
  while (wrong().length > 0 && Date.now() < until) {
    // Codes are asked for once they are near the viewport (issue 10, finding 3): read the page as a person would, scrolling down.
    await frame.evaluate(() =>
      window.scrollY + window.innerHeight >= document.documentElement.scrollHeight ? window.scrollTo(0, 0) : window.scrollBy(0, window.innerHeight),
    );
    await new Promise((r) => setTimeout(r, 200));
    await look();
  }
  expect(Object.fromEntries(wrong().map(([code, kind]) => [code, `${seen.kinds[code] ?? 'not painted'} (expected ${kind})`]))).toEqual({});
  return seen;
}

describe('extension on the demo pages', () => {
  let platform: RunningPlatform;
  let browser: LaunchedChromium;
  let dbDir: string;
  let pagesDir: string;
  let pages: Record<string, PageExpectations>;
  const verdictOf = new Map<string, string>();
  /** Codes whose verdict rests on internal-only entries: painted pending where the page can read it. */
  const veiled = new Set<string>();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  /**
   * What the page may read in CSS.highlights for a code: suspect codes are unknown to the platform
   * (invalid, flagged — never clear, issue 11); a verdict resting on internal-only entries is
   * painted pending there and drawn for real only in the closed overlay (issue 10, finding 3).
   */
  function expected(codes: string[], page: PageExpectations): Record<string, string> {
    return Object.fromEntries(
      codes.map((code) => [
        code,
        page.invalid.includes(code) || page.suspect.includes(code) ? 'invalid' : veiled.has(code) ? 'pending' : (verdictOf.get(code) ?? 'clear'),
      ]),
    );
  }

  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${platform.url}${path}`);
    return page;
  }

  beforeAll(async () => {
    for (const s of await demoSubjects()) verdictOf.set(s.code, s.expectedVerdict);
    pages = (JSON.parse(await readFile(resolve(ROOT, 'demo/expected-codes.json'), 'utf8')) as { pages: Record<string, PageExpectations> }).pages;
    const byRole = new Map((await demoSubjects()).filter((s) => s.role).map((s) => [s.role!, s.code]));
    pagesDir = await renderPages({ black: byRole.get('black')!, red: byRole.get('red')!, clear: byRole.get('clear')!, watch: byRole.get('watch')! }, [
      'framework.html',
    ]);
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-demo-'));
    platform = await startPlatform({
      port: 0,
      dbPath: join(dbDir, 'platform.db'),
      seed: true,
      log: false,
      staticDirs: [
        { prefix: '/demo/', dir: resolve(ROOT, 'demo') },
        { prefix: '/e2e/', dir: pagesDir },
        { prefix: '/vendor/', dir: resolve(ROOT, 'node_modules/preact/dist') },
      ],
    });
    // Which verdicts rest on internal-only entries, as the viewer token gets them (core's rule, page-readable-kind.ts).
    const client = createCreditClient({ baseUrl: platform.url, token: platform.tokens.viewer });
    const answer = await client.status([...verdictOf.keys()]);
    for (const result of answer.results) {
      if ('error' in result) continue;
      if (pageReadableKind(computeVerdict({ result, now: new Date() })) === 'pending') veiled.add(result.code);
    }
    expect(veiled.has((await demoSubjects()).find((s) => s.role === 'internal-only')!.code)).toBe(true);
    await mkdir(SHOTS, { recursive: true });
    browser = await launchChromium({ extension: true });
    await saveSettings(browser.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.viewer,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 30,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('paints the approval form page and keeps its own buttons working', async () => {
    const spec = pages['approval.html']!;
    const page = await open('/demo/approval.html');
    const inText = spec.visible.filter((c) => !(spec.inFormFields ?? []).includes(c));
    const seen = await expectPainted(page, expected(inText, spec));
    expect(seen.suspect.sort()).toEqual([...spec.suspect].sort());
    await page.locator('#add-applicant').click();
    await expectPainted(page, expected(spec.addedByButton ?? [], spec));
    expect(await page.locator('#applicant-code').inputValue()).toBe(spec.inFormFields?.[0]);
    await page.screenshot({ path: join(SHOTS, 'demo-approval.png'), fullPage: true });
    await page.close();
  });

  it('paints all fifty bidders inside the bid-evaluation iframe, suspect and invalid codes flagged', async () => {
    const spec = pages['bidders-frame.html']!;
    expect(spec.visible).toHaveLength(50);
    const page = await open('/demo/bid-evaluation.html');
    const frame = await (await page.locator('#bidders').elementHandle())!.contentFrame();
    const seen = await expectPainted(frame!, expected(spec.visible, spec), 30_000);
    expect(seen.suspect.sort()).toEqual([...spec.suspect].sort());
    await page.screenshot({ path: join(SHOTS, 'demo-bid-evaluation.png'), fullPage: true });
    await page.close();
  });

  it('finds rows loaded later and rows shown after client-side navigation', async () => {
    const spec = pages['late-rows.html']!;
    const page = await open('/demo/late-rows.html');
    await expectPainted(page, expected([...spec.visible, ...(spec.lateRows ?? [])], spec));
    await page.locator('a.pager[data-page="2"]').click();
    expect(page.url()).toContain('page=2');
    await expectPainted(page, expected(spec.page2 ?? [], spec));
    await page.locator('#approve-all').click();
    await expect(page.locator('#late-status').textContent()).resolves.toContain('已审核通过');
    await page.screenshot({ path: join(SHOTS, 'demo-late-rows.png'), fullPage: true });
    await page.close();
  });

  it('ignores codes in attributes, scripts, styles, password fields and comments on the hostile page, and runs nothing', async () => {
    const spec = pages['hostile.html']!;
    const page = await open('/demo/hostile.html');
    // The code at the end of the 1 MB block is asked for once a person scrolls the block to it (issue 10, finding 3).
    await page.locator('#huge-block p:last-child').scrollIntoViewIfNeeded();
    const seen = await expectPainted(page, expected(spec.visible, spec), 30_000);
    for (const [where, code] of Object.entries(spec.ignored ?? {})) {
      expect(seen.kinds[code], `code in ${where}`).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'demo-hostile.png') });
    await page.close();
  });

  it('leaves a framework-rendered page working and follows what it re-renders', async () => {
    const page = await open('/e2e/framework.html');
    const byRole = new Map((await demoSubjects()).filter((s) => s.role).map((s) => [s.role!, s.code]));
    await expectPainted(page, { [byRole.get('black')!]: 'black', [byRole.get('red')!]: 'red' });
    await page.locator('#swap').click();
    await expect(page.locator('#swap').textContent()).resolves.toContain('已点击 1 次');
    await expectPainted(page, { [byRole.get('clear')!]: 'clear', [byRole.get('red')!]: 'red', [byRole.get('watch')!]: 'watch' });
    const stale = (await painted(page)).kinds[byRole.get('black')!];
    expect(stale).toBeUndefined();
    // Preact still owns and patches its nodes: a second render works.
    await page.locator('#swap').click();
    await expect(page.locator('#swap').textContent()).resolves.toContain('已点击 2 次');
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'framework-page.png') });
    await page.close();
  });
});
