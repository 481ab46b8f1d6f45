/**
 * The widget's opt-in list snapshot (`data-snapshot`, issue 15) in real Chromium: the built
 * script-tag bundle against the reference platform, through the counting proxy of the extension's
 * snapshot test. A department page of 200 codes never seen before paints every badge from the
 * signed snapshot before any status request reaches the platform (they are held, too); the full answers, once let
 * through, keep them. The same page without `data-snapshot` asks for no snapshot.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { startCountingProxy, type CountingProxy } from './fixtures/counting-proxy.ts';
import { demoSubjects, type DemoSubject } from './fixtures/render-pages.ts';
import { badgeVerdicts, startWidgetWorld, watchPageProblems, type WidgetWorld } from './fixtures/widget-world.ts';

const LIST_KINDS = new Set(['black', 'red', 'watch', 'disputed', 'clear']);

/** A bid list of 200 `<credit-status>` badges, with or without `data-snapshot` on the script tag. */
async function writePage(dir: string, name: string, subjects: DemoSubject[], snapshot: boolean): Promise<void> {
  const rows = subjects.map((s, i) => `<div>${i + 1}. ${s.code} <credit-status code="${s.code}"></credit-status></div>`).join('\n');
  await writeFile(
    join(dir, name),
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>投标人名单</title>` +
      `<script src="/widget/credit-lens.js" data-platform="/"${snapshot ? ' data-snapshot' : ''} async></script>` +
      `<h1>投标人名单</h1>\n${rows}\n</html>`,
  );
}

describe('widget with data-snapshot', () => {
  let world: WidgetWorld;
  let proxy: CountingProxy;
  let pagesDir: string;
  let subjects: DemoSubject[];

  const verdictsOf = async (page: Page) => {
    const shown = await badgeVerdicts(page);
    return subjects.map((s) => shown[s.code] ?? null);
  };

  beforeAll(async () => {
    // Anonymous (the page has no token): subjects whose verdict differs for anonymous callers are left out.
    subjects = (await demoSubjects())
      .filter((s) => LIST_KINDS.has(s.expectedVerdict) && !('anonymousVerdict' in s) && parseUscc(s.code).validity === 'valid')
      .slice(0, 200);
    expect(subjects).toHaveLength(200);
    pagesDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-widget-snapshot-'));
    await writePage(pagesDir, 'with-snapshot.html', subjects, true);
    await writePage(pagesDir, 'without-snapshot.html', subjects, false);
    world = await startWidgetWorld({ staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });
    // The page, the widget and the platform share the proxy's origin, so every request is counted.
    proxy = await startCountingProxy(() => world.platform.port);
  });

  afterAll(async () => {
    await proxy?.close();
    await world?.close();
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('paints all 200 never-seen codes from the verified snapshot before any status request', async () => {
    proxy.hold();
    const page = await world.browser.context.newPage();
    const problems = await watchPageProblems(page);
    // The page's own world notes the moment every badge shows a verdict (none pending).
    await page.addInitScript((wanted: number) => {
      const w = window as unknown as { __paintedAt?: number };
      const tick = (): void => {
        const badges = [...document.querySelectorAll('credit-status')].map((el) => el.shadowRoot?.querySelector('.cl-badge')?.getAttribute('data-verdict'));
        if (badges.length >= wanted && badges.every((v) => v && v !== 'pending')) w.__paintedAt = Date.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, subjects.length);
    await page.goto(`${proxy.url}/e2e/with-snapshot.html`);
    const expected = subjects.map((s) => s.expectedVerdict);
    await expect.poll(() => verdictsOf(page), { timeout: 20_000 }).toEqual(expected);
    expect(proxy.answered('/api/v1/snapshot')).toBe(1);
    expect(proxy.answered('/.well-known/creditlens-record-key')).toBe(1);
    // Every verdict is on the page and the platform has answered no status request…
    expect(proxy.answered('/api/v1/status')).toBe(0);
    // …nor received one before every badge was painted: the snapshot answered them.
    const paintedAt = await page.evaluate(() => (window as unknown as { __paintedAt?: number }).__paintedAt ?? 0);
    expect(paintedAt).toBeGreaterThan(0);
    expect(proxy.receivedAt('/api/v1/status').filter((at) => at < paintedAt)).toEqual([]);
    console.log(`widget: status requests received (held, unanswered) once 200 verdicts were painted: ${proxy.received('/api/v1/status')}`);
    // The full answers come for the cards and win; here they agree with the snapshot.
    proxy.release();
    await expect.poll(() => proxy.answered('/api/v1/status'), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => verdictsOf(page), { timeout: 20_000 }).toEqual(expected);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the snapshot kept by the last page load as the last answer when the platform cannot be reached, never as a verdict', async () => {
    // The first test's page downloaded the snapshot and kept it in this origin's IndexedDB.
    proxy.release();
    proxy.refuseApi(true);
    const page = await world.browser.context.newPage();
    try {
      await page.goto(`${proxy.url}/e2e/with-snapshot.html`);
      const black = subjects.find((s) => s.expectedVerdict === 'black')!.code;
      await expect.poll(async () => (await badgeVerdicts(page))[black], { timeout: 30_000 }).toBe('unknown');
      const shown = await verdictsOf(page);
      expect(shown.filter((v) => v !== 'unknown')).toEqual([]);
      // The card says what the kept snapshot said, as the last answer.
      const badge = page.locator(`credit-status[code="${black}"]`);
      await badge.locator('button').click();
      await expect.poll(() => badge.evaluate((el) => el.shadowRoot!.textContent ?? ''), { timeout: 15_000 }).toMatch(/据 \d\d:\d\d 名单快照：黑名单/);
    } finally {
      proxy.refuseApi(false);
      await page.close();
    }
  }, 60_000);

  it('asks for no snapshot without data-snapshot', async () => {
    const before = proxy.received('/api/v1/snapshot');
    const page = await world.browser.context.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${proxy.url}/e2e/without-snapshot.html`);
    await expect.poll(() => verdictsOf(page), { timeout: 20_000 }).toEqual(subjects.map((s) => s.expectedVerdict));
    expect(proxy.received('/api/v1/snapshot')).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
