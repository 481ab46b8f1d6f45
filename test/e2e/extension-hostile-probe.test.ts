/**
 * Issue 10, finding 3: a page the extension runs on tries to read verdicts back through
 * `CSS.highlights` — codes planted off-screen and hidden, the internal-only black entry, and a
 * flood of codes. The built extension in Chromium with a department token against the reference
 * platform; what the platform was asked is read from its audit log. The page's own world is played
 * by `page.evaluate` (it runs where the page's scripts run).
 */
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../core/uscc/uscc-check-char.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects, renderPages } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

declare const chrome: typeof import('wxt/browser').browser;

const LIMIT = 100;
/** Valid codes the platform does not know (a district no demo subject is in). */
const generated = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => {
    const first17 = `91420115MA${prefix}${String(i).padStart(7 - prefix.length, '0')}`;
    return first17 + usccCheckChar(first17);
  });
const PLANTED = generated(3000, 'P');
const FLOOD = generated(150, 'F');

describe('a page probing the lists through CSS.highlights', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let page: Page;
  let overlay: ExtensionOverlay;
  let pagesDir: string;
  const codes: Record<string, string> = {};

  /** The last audit row before the browser starts: the demo seed writes a check history of its own. */
  let seededAuditId = 0;
  /** Every code the platform was asked about on /status since the browser started. */
  const queried = () =>
    new Set(
      (platform.db.prepare("SELECT codes FROM audit_log WHERE endpoint = 'status' AND id > ?").all(seededAuditId) as { codes: string }[]).flatMap(
        (r) => JSON.parse(r.codes) as string[],
      ),
    );
  /** What the page's script has read from CSS.highlights so far: code → every highlight it was seen in. */
  const readByPage = () => page.evaluate(() => (window as unknown as { __read: Record<string, string[]> }).__read);

  beforeAll(async () => {
    const subjects = await demoSubjects();
    const role = (name: string) => subjects.find((s) => s.role === name)!.code;
    const blacks = subjects.filter((s) => !s.role && s.expectedVerdict === 'black').map((s) => s.code);
    Object.assign(codes, {
      black: role('black'),
      'internal-only': role('internal-only'),
      clear: role('clear'),
      'hidden-none': blacks[0],
      'hidden-visibility': blacks[1],
      'hidden-aria': blacks[2],
      'hidden-zero': blacks[3],
      'hidden-opacity': blacks[4],
      'hidden-far': blacks[5],
    });
    pagesDir = await renderPages(codes, ['hostile-probe.html']);
    platform = await startPlatform({ port: 0, seed: true, log: false, staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });
    seededAuditId = (platform.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM audit_log').get() as { id: number }).id;
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.department,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 1,
      maxCodesPerMinute: LIMIT,
    });
    page = await chromium.context.newPage();
    await page.goto(`${platform.url}/e2e/hostile-probe.html`);
    // The page's script: plant 3,000 codes far off-screen, and read the highlight registry all the time.
    await page.evaluate((planted) => {
      const read: Record<string, string[]> = {};
      (window as unknown as { __read: typeof read }).__read = read;
      document.getElementById('planted')!.textContent = planted.join(' ');
      setInterval(() => {
        for (const [name, highlight] of CSS.highlights) {
          for (const range of highlight) {
            const text = (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
            const seen = (read[text] ??= []);
            if (!seen.includes(name)) seen.push(name);
          }
        }
      }, 50);
    }, PLANTED);
    overlay = extensionOverlay(page);
    await overlay.element(`.mark[data-code="${codes.black}"][data-kind=black]`, 20_000);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
  });

  it('returns nothing internal to the page: an internal-only black entry is pending in CSS.highlights, black only in the closed overlay', async () => {
    const internal = codes['internal-only']!;
    // The person sees it: the overlay draws the verdict over the code, and the card says why.
    await overlay.element(`.mark.fallback[data-code="${internal}"][data-kind=black]`, 20_000);
    await overlay.openCard(`.mark[data-code="${internal}"]`);
    expect(await overlay.text('.card')).toContain('黑名单');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readByPage())[codes.black!], { timeout: 10_000 }).toContain('creditlens-black');
    // The page's reader has seen the internal code's range too (it reads the registry every 50 ms).
    await expect.poll(async () => (await readByPage())[internal]?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    const read = await readByPage();
    // The name check's own highlight says only that the page's name differs from the registered one (README); no verdict but pending.
    expect(read[internal]?.filter((name) => name !== 'creditlens-name-mismatch')).toEqual(['creditlens-pending']);
    // The public listing is public: painted as it is.
    expect(read[codes.clear!]).toContain('creditlens-clear');
    // It was asked for (under the department): the veil is ours, not a missing answer.
    expect(queried().has(internal)).toBe(true);
  }, 60_000);

  it('returns no answer for codes the person cannot see: hidden, zero-sized, aria-hidden, far off-screen or planted', async () => {
    await page.waitForTimeout(2_000);
    const asked = queried();
    for (const key of ['hidden-none', 'hidden-visibility', 'hidden-aria', 'hidden-zero', 'hidden-opacity', 'hidden-far']) {
      expect(asked.has(codes[key]!), key).toBe(false);
    }
    expect(PLANTED.filter((code) => asked.has(code))).toEqual([]);
    const read = await readByPage();
    expect(PLANTED.filter((code) => read[code]?.some((name) => name !== 'creditlens-pending'))).toEqual([]);
    // Shown to the person, a hidden code is asked for.
    await page.evaluate(() => document.getElementById('hidden-none')!.removeAttribute('style'));
    await expect.poll(() => queried().has(codes['hidden-none']!), { timeout: 10_000 }).toBe(true);
  }, 60_000);

  it('returns a pause with a notice in the popup when the page floods it with codes, and goes on at the person’s click', async () => {
    await page.evaluate((flood) => {
      document.getElementById('grid')!.append(...flood.map((code) => Object.assign(document.createElement('div'), { textContent: code })));
    }, FLOOD);
    const pageUrl = page.url();
    const tabId = await chromium.serviceWorker!.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, pageUrl);
    const popup = await chromium.context.newPage();
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${tabId}&lang=zh_CN`);
    const notice = popup.locator('[data-testid=paused-notice]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain(`超过 ${LIMIT} 个代码`);
    // Requests sent within the allowance may still be on their way when the notice shows: wait
    // until what was asked stops growing (two reads half a second apart agree).
    let last = -1;
    await expect
      .poll(
        () => {
          const n = queried().size;
          const settled = n === last;
          last = n;
          return settled;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);
    const before = queried();
    expect(before.size).toBeLessThanOrEqual(LIMIT);
    const flooded = FLOOD.filter((code) => before.has(code)).length;
    expect(flooded).toBeLessThan(FLOOD.length);
    // Held codes are unknown, never clear; nothing more is asked while paused.
    await page.waitForTimeout(1_500);
    expect(queried().size).toBe(before.size);
    await notice.locator('button').click();
    await expect.poll(() => FLOOD.filter((code) => queried().has(code)).length, { timeout: 20_000 }).toBe(FLOOD.length);
    await expect.poll(() => notice.count(), { timeout: 5_000 }).toBe(0);
    await popup.close();
  }, 90_000);
});
