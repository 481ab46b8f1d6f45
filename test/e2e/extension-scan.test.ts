/**
 * The extension end to end: built extension in Debian's Chromium, the real reference platform on
 * loopback, pages under test/e2e/pages filled with demo codes. Verdicts are read back from
 * `CSS.highlights`, form-field badges and the card from our overlay's closed shadow root
 * (through `extensionOverlay`, which reaches it over CDP).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { USCC_CHARSET } from '../../core/uscc/uscc-charset.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { recheckTab } from './fixtures/recheck-tab.ts';
import { stopServiceWorker, waitForNewWorker } from './fixtures/stop-service-worker.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { demoSubjects, renderPages, type DemoSubject } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

const SHOTS = 'test-results/screenshots';

/** The bits of the extension API used inside `evaluate` (they run in the browser, not in Node). */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> }; session: { get(key: string): Promise<Record<string, unknown>> } };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

/** `{ 'creditlens-black': ['9142…'], … }` of a frame. */
const highlights = (frame: Page | Frame) =>
  frame.evaluate(() =>
    Object.fromEntries([...CSS.highlights].map(([name, h]) => [name, [...h].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset))])),
  ) as Promise<Record<string, string[]>>;

const kindOf = async (frame: Page | Frame, code: string): Promise<string | null> => {
  const all = await highlights(frame);
  // creditlens-suspect is a flag laid over the verdict, not a verdict.
  return (
    Object.entries(all)
      .find(([name, codes]) => name !== 'creditlens-suspect' && codes.includes(code))?.[0]
      ?.replace('creditlens-', '') ?? null
  );
};

/** Waits until `code` is painted as `kind` in `frame`. */
async function expectKind(frame: Page | Frame, code: string, kind: string, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  let last: string | null = null;
  while (Date.now() < until) {
    last = await kindOf(frame, code).catch(() => null);
    if (last === kind) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  expect(`${code} is ${last}`).toBe(`${code} is ${kind}`);
}

function suspectOf(code: string): string {
  for (const c of USCC_CHARSET) {
    const candidate = code.slice(0, 17) + c;
    if (candidate !== code && parseUscc(candidate).validity === 'suspect') return candidate;
  }
  throw new Error('no suspect variant');
}

describe('extension on pages', () => {
  let platform: RunningPlatform;
  let browser: LaunchedChromium;
  let dbDir: string;
  let pagesDir: string;
  let port: number;
  let page: Page;
  let overlay: ExtensionOverlay;
  const byRole = new Map<string, DemoSubject>();
  const codes: Record<string, string> = {};

  const start = (p: number) => startPlatform({ port: p, dbPath: join(dbDir, 'platform.db'), seed: true, staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });

  beforeAll(async () => {
    const subjects = await demoSubjects();
    for (const s of subjects) if (s.role && !byRole.has(s.role)) byRole.set(s.role, s);
    const unroled = subjects.filter((s) => !s.role);
    const pick = (verdict: string, n: number) => unroled.filter((s) => s.expectedVerdict === verdict)[n]!.code;
    Object.assign(codes, {
      black: byRole.get('black')!.code,
      red: byRole.get('red')!.code,
      disputed: byRole.get('disputed')!.code,
      watch: byRole.get('watch')!.code,
      clear: byRole.get('clear')!.code,
      'not-in-db': byRole.get('not-in-db')!.code,
      suspect: suspectOf(byRole.get('institution-clear')!.code),
      'black-multiple': byRole.get('black-multiple')!.code,
      'never-in-script': byRole.get('black-not-repairable')!.code,
      'red-in-shadow': byRole.get('association-red')!.code,
      late: pick('black', 0),
      'in-frame': pick('red', 0),
      typed: byRole.get('individual-black')!.code,
      changing: pick('clear', 0),
    });
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-db-'));
    pagesDir = await renderPages(codes, ['verdicts.html', 'frame.html']);
    platform = await start(0);
    port = platform.port;
    await mkdir(SHOTS, { recursive: true });
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
    await page.goto(`${platform.url}/e2e/verdicts.html`);
    overlay = extensionOverlay(page);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
    await rm(pagesDir, { recursive: true, force: true });
  });

  it('paints every verdict on the right code', async () => {
    await expectKind(page, codes.black!, 'black');
    await expectKind(page, codes.red!, 'red');
    await expectKind(page, codes.disputed!, 'disputed');
    await expectKind(page, codes.watch!, 'watch');
    await expectKind(page, codes.clear!, 'clear');
    await expectKind(page, codes['not-in-db']!, 'clear');
    // Only its check character is wrong: still queried; the platform does not know it, so it is
    // invalid (issue 11: a mistyped code is never clear), under the suspect flag, and the marker says so.
    await expectKind(page, codes.suspect!, 'invalid');
    expect((await highlights(page))['creditlens-suspect']).toEqual([codes.suspect]);
    expect(await (await overlay.element(`.mark[data-code="${codes.suspect}"]`)).getAttribute('aria-label')).toContain('校验位不符');
    await expectKind(page, codes['red-in-shadow']!, 'red');
    const all = Object.values(await highlights(page)).flat();
    expect(all).not.toContain(codes['never-in-script']);
    expect(all).not.toContain(codes['black-multiple']);
    await page.screenshot({ path: `${SHOTS}/extension-verdicts.png`, fullPage: true });
  });

  it('finds codes in an iframe', async () => {
    const frame = page.frame({ url: /frame\.html/ })!;
    await expectKind(frame, codes['in-frame']!, 'red');
  });

  it('finds rows loaded later, and the page keeps its own behaviour and DOM', async () => {
    const before = await page.locator('#subjects').innerHTML();
    await page.click('#count');
    await page.click('#count');
    expect(await page.locator('#n').textContent()).toBe('2');
    await page.click('#more');
    await expectKind(page, codes.late!, 'black');
    const after = await page.locator('#subjects').innerHTML();
    expect(
      after.startsWith(
        before
          .replace(/<\/tbody>$/, '')
          .trimEnd()
          .slice(0, 200),
      ),
    ).toBe(true);
    expect(await page.locator('#c-black').evaluate((el) => el.childNodes.length)).toBe(1);
  });

  it('checks a code typed into a form field, flagging a wrong check character at once', async () => {
    const badge = (kind: string) => `.badge[data-kind="${kind}"]`;
    await page.locator('#applicant').pressSequentially(suspectOf(codes.typed!), { delay: 5 });
    await expect.poll(() => overlay.count('.badge[data-suspect]'), { timeout: 5000 }).toBe(1);
    // Queried all the same; the platform does not know this code: invalid, never clear (issue 11), and the badge says it is doubtful.
    await expect.poll(() => overlay.text(badge('invalid')), { timeout: 15_000 }).toBe('! 代码无效 · 校验位不符');
    expect(await overlay.count(badge('clear'))).toBe(0);
    await overlay.openCard(badge('invalid'));
    await expect.poll(() => overlay.text('.card'), { timeout: 5_000 }).toContain('校验位错误，平台无此代码，请核对');
    await page.keyboard.press('Escape');
    await page.locator('#applicant').fill('');
    await page.locator('#applicant').pressSequentially(codes.typed!, { delay: 5 });
    await expect.poll(() => overlay.count(badge('black')), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#applicant').inputValue()).toBe(codes.typed);
    await page.screenshot({ path: `${SHOTS}/extension-form-field.png` });
  });

  it('opens a card with the entries and measures when a marked code gets focus', async () => {
    const subject = byRole.get('black')!;
    await (await overlay.element(`.mark[data-code="${subject.code}"]`)).focus();
    await expect.poll(() => overlay.isVisible('.card'), { timeout: 5000 }).toBe(true);
    await expect.poll(() => overlay.text('.card'), { timeout: 10_000 }).toContain(subject.name);
    const text = (await overlay.text('.card'))!;
    expect(text).toContain('失信被执行人');
    await page.screenshot({ path: `${SHOTS}/extension-card.png` });
    await page.keyboard.press('Escape');
  });

  it('opens the card when the mouse rests on a highlighted code, and closes it when the mouse leaves', async () => {
    const code = codes.red!;
    const cardVisible = () => overlay.isVisible('.card');
    await expect.poll(cardVisible).toBe(false);
    await page.locator('#c-red').scrollIntoViewIfNeeded();
    // Hit-testing uses the code's own text box (the marker ignores the pointer).
    const box = await page.evaluate((c) => {
      const node = document.getElementById('c-red')!.firstChild as Text;
      const range = document.createRange();
      const at = node.data.indexOf(c);
      range.setStart(node, at);
      range.setEnd(node, at + c.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, code);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await expect.poll(cardVisible, { timeout: 5000 }).toBe(true);
    expect(await overlay.attribute('.card', 'data-code')).toBe(code);
    await expect.poll(() => overlay.text('.card')).toContain(byRole.get('red')!.name);
    await page.mouse.move(5, 5, { steps: 3 });
    await expect.poll(cardVisible, { timeout: 5000 }).toBe(false);
  });

  it('updates an open page when a subject joins a list (changes feed)', async () => {
    await page.evaluate((code) => {
      const tr = document.createElement('tr');
      tr.innerHTML = `<td>changing</td><td>${code}</td>`;
      document.querySelector('#subjects tbody')!.append(tr);
    }, codes.changing!);
    await expectKind(page, codes.changing!, 'clear');
    const res = await fetch(`${platform.url}/api/v1/admin/entries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${platform.tokens.admin}` },
      body: JSON.stringify({ code: codes.changing, list: 'black', category: '失信被执行人', facts: 'e2e', legalBasis: 'e2e' }),
    });
    expect(res.status).toBeLessThan(300);
    await expectKind(page, codes.changing!, 'black', 20_000);
  });

  it('shows unknown while the platform is down and recovers by itself', async () => {
    await expectKind(page, codes.black!, 'black');
    await expectKind(page, codes.clear!, 'clear');
    await platform.close();
    // Re-check from the popup's side of the protocol.
    await recheckTab(browser, page);
    await expectKind(page, codes.clear!, 'unknown', 40_000);
    // The platform did not just answer: a listing known from before shows unknown too (the card keeps the last answer).
    await expectKind(page, codes.black!, 'unknown', 40_000);
    await page.screenshot({ path: `${SHOTS}/extension-outage.png`, fullPage: true });
    platform = await start(port);
    await expectKind(page, codes.clear!, 'clear', 40_000);
    await expectKind(page, codes.black!, 'black', 40_000);
  }, 120_000);

  it('answers a page from the cache after the service worker was stopped, with the platform down', async () => {
    // Answered and saved to storage.session (written at most every 500 ms).
    await expectKind(page, codes.black!, 'black', 40_000);
    await expectKind(page, codes.red!, 'red', 40_000);
    await expectKind(page, codes.clear!, 'clear', 40_000);
    // …and settled in storage.session before the worker goes: the restarted one answers from there.
    await expect
      .poll(
        async () => {
          const { backgroundState } = (await browser.serviceWorker!.evaluate(() => chrome.storage.session.get('backgroundState'))) as {
            backgroundState?: { cache?: { queries?: { queryKey: unknown[]; state: { status: string; fetchStatus: string; isInvalidated: boolean } }[] } };
          };
          // Settled answers only: one the changes feed invalidated (the platform restarted above) is being asked again.
          const settled = (backgroundState?.cache?.queries ?? []).filter(
            (q) => q.state.status === 'success' && q.state.fetchStatus === 'idle' && !q.state.isInvalidated,
          );
          const answered = settled.flatMap((q) => q.queryKey);
          return [codes.black!, codes.red!, codes.clear!].every((code) => answered.includes(code));
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await platform.close();
    await stopServiceWorker(browser, page);
    // The platform served the page: serve it from disk now.
    const again = await browser.context.newPage();
    await again.route('**/e2e/*.html', (route) => route.fulfill({ path: join(pagesDir, new URL(route.request().url()).pathname.split('/').pop()!) }));
    await again.goto(`${platform.url}/e2e/verdicts.html`);
    // A new worker (woken by a message or an alarm), which read the cache from storage.session.
    await waitForNewWorker(browser);
    await expectKind(again, codes.black!, 'black');
    await expectKind(again, codes.red!, 'red');
    await expectKind(again, codes.clear!, 'clear');
    // Fresh from the cache, not a failed refresh: the card shows the answer, not "could not check".
    const againOverlay = extensionOverlay(again);
    await (await againOverlay.element(`.mark[data-code="${codes.black}"]`)).focus();
    await expect.poll(() => againOverlay.text('.card'), { timeout: 5000 }).toContain(byRole.get('black')!.name);
    expect(await againOverlay.text('.card')).not.toContain('未能');
    await again.close();
  }, 60_000);
});
