/**
 * Cold start, as a person gets it: the browser starts (a profile where the extension is installed
 * and configured, as on every working day after the first) and the first page is opened at once.
 * Measured from the launch call until the first code, and then every code, on the page has its
 * verdict painted (not `creditlens-pending`), read from the page's own world (CSS.highlights).
 * Twice: with the list snapshot the extension keeps in `storage.local` (a restart the same day),
 * and with none (it is downloaded again, as after a day). Next to them, in the same run: the same
 * launch and page without the extension, until the page's `load` event — the floor. Medians of 5
 * rounds (COLD_START_RUNS). The platform is the reference one on loopback.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { startPlatform } from '../platform/start-platform.ts';
import { CHROMIUM_PATH, EXTENSION_DIR, QUIET_FLAGS } from '../test/e2e/fixtures/launch-chromium.ts';
import { saveSettings } from '../test/e2e/fixtures/save-settings.ts';

const RUNS = Number(process.env.COLD_START_RUNS ?? 5);

interface DemoSubject {
  code: string;
  expectedVerdict: string;
  anonymousVerdict?: string;
  inDatabase?: false;
}

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> } };
};

// In the page's world: when the page loaded and when every code stopped being pending.
const PAGE = (codes: string[]) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>cold start</title>
<script>
(() => {
  const w = (window.__cold = { loadAt: 0, marked: 0, first: 0, answered: 0 });
  addEventListener('load', () => (w.loadAt = performance.timeOrigin + performance.now()));
  const tick = () => {
    let all = 0, pending = 0;
    for (const [name, h] of CSS.highlights) { if (name === 'creditlens-suspect' || name === 'creditlens-name-mismatch') continue; all += h.size; if (name === 'creditlens-pending') pending = h.size; }
    if (all >= ${codes.length} && !w.marked) w.marked = performance.timeOrigin + performance.now();
    if (all - pending > 0 && !w.first) w.first = performance.timeOrigin + performance.now();
    if (all >= ${codes.length} && pending === 0) w.answered = performance.timeOrigin + performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
</script></head><body><h1>投标人名单</h1><table>${codes.map((c, i) => `<tr><td>投标人${i + 1}</td><td>${c}</td></tr>`).join('')}</table></body></html>`;

async function servePage(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/bids.html`, server };
}

function launch(profile: string, extension: boolean): Promise<BrowserContext> {
  const args = [...QUIET_FLAGS];
  if (extension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
}

interface Start {
  /** Launch → the page's load event. */
  loaded: number;
  /** Launch → every code marked (pending included): the content script has scanned. */
  marked: number;
  /** Launch → the first code's verdict painted. */
  first: number;
  /** Launch → every code's verdict painted. */
  answered: number;
}

/** One browser start and its first page, in ms from the launch call; without the extension only `loaded` is waited for. */
async function oneStart(profile: string, extension: boolean, url: string): Promise<Start> {
  const t0 = Date.now();
  const context = await launch(profile, extension);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url, { waitUntil: 'load' });
    const key = extension ? 'answered' : 'loadAt';
    await page.waitForFunction((k) => (window as unknown as { __cold: Record<string, number> }).__cold[k]! > 0, key, { timeout: 60_000, polling: 50 });
    const w = await page.evaluate(() => (window as unknown as { __cold: { loadAt: number; marked: number; first: number; answered: number } }).__cold);
    return { loaded: w.loadAt - t0, marked: w.marked - t0, first: w.first - t0, answered: w.answered - t0 };
  } finally {
    await context.close();
  }
}

/** Starts the browser once to drop the snapshot the extension keeps in storage.local. */
async function dropKeptSnapshot(profile: string): Promise<void> {
  const context = await launch(profile, true);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    await worker.evaluate(() => chrome.storage.local.remove(['listSnapshot', 'listSnapshotDelta', 'listSnapshotInfo']));
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Prints the figures. */
export async function run(): Promise<void> {
  const dbDir = await mkdtemp(join(tmpdir(), 'creditlens-cold-db-'));
  const platform = await startPlatform({ port: 0, dbPath: join(dbDir, 'platform.db'), seed: true, rateLimit: false });
  // Codes whose verdict the page may see: one resting on internal-only entries stays veiled as
  // `pending` in the page's highlights (core/verdict/page-readable-kind.ts) and is shown only in the overlay.
  const subjects = JSON.parse(await readFile(new URL('../platform/seed/demo-subjects.json', import.meta.url), 'utf8')) as DemoSubject[];
  const codes = subjects
    .filter((s) => s.inDatabase !== false && (s.anonymousVerdict === undefined || s.anonymousVerdict === s.expectedVerdict))
    .slice(0, 10)
    .map((s) => s.code);
  const { url, server } = await servePage(PAGE(codes));
  const withProfile = await mkdtemp(join(tmpdir(), 'creditlens-cold-with-'));
  const withoutProfile = await mkdtemp(join(tmpdir(), 'creditlens-cold-without-'));
  try {
    // Install and configure once (the first day), and open the page once, as a person would have.
    const first = await launch(withProfile, true);
    const worker = first.serviceWorkers()[0] ?? (await first.waitForEvent('serviceworker', { timeout: 30_000 }));
    await saveSettings(worker, {
      platformUrl: platform.url,
      token: platform.tokens.viewer,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 3600,
    });
    const page = await first.newPage();
    await page.goto(url);
    await page
      .waitForFunction(() => (window as unknown as { __cold: { answered: number } }).__cold.answered > 0, null, { timeout: 60_000 })
      .catch(async (error: unknown) => {
        const state = await page
          .evaluate(() =>
            JSON.stringify(
              [...CSS.highlights].map(([n, h]) => [
                n,
                h.size,
                [...h]
                  .map((r) => (r as StaticRange).startContainer.textContent!.slice((r as StaticRange).startOffset, (r as StaticRange).endOffset))
                  .slice(0, 3),
              ]),
            ),
          )
          .catch(() => 'page gone');
        throw new Error(`the first page was never fully answered (highlights ${state})`, { cause: error });
      });
    await first.close();
    await oneStart(withoutProfile, false, url);

    // Each round: the start without the extension; a start the same morning (the kept snapshot
    // read from the feed within the freshness window: its answers are current); and a start with
    // no kept snapshot (as the first start after a day: the snapshot is downloaded again).
    const rounds: { without: Start; kept: Start; fresh: Start }[] = [];
    for (let r = 0; r < RUNS; r++) {
      const without = await oneStart(withoutProfile, false, url);
      const kept = await oneStart(withProfile, true, url);
      await dropKeptSnapshot(withProfile);
      const fresh = await oneStart(withProfile, true, url);
      rounds.push({ without, kept, fresh });
    }
    const of = (which: 'without' | 'kept' | 'fresh', key: keyof Start) => median(rounds.map((round) => round[which][key]));
    const floor = of('without', 'loaded');
    console.log(`cold start, ${codes.length} codes on the first page, medians of ${RUNS} rounds; ms from the launch call`);
    console.log(`  without the extension: page loaded ${floor.toFixed(0)}`);
    for (const [which, label] of [
      ['kept', 'with, the kept snapshot current'],
      ['fresh', 'with, no kept snapshot (downloaded again at start)'],
    ] as const) {
      console.log(
        `  ${label}: page loaded ${of(which, 'loaded').toFixed(0)}, every code marked checking ${of(which, 'marked').toFixed(0)}, first verdict ${of(which, 'first').toFixed(0)}, every verdict ${of(which, 'answered').toFixed(0)} (runs: ${rounds.map((round) => Math.round(round[which].answered)).join(', ')}); the extension adds ${(of(which, 'answered') - floor).toFixed(0)} to the page's load`,
      );
    }
    console.log('  target: browser start → first verdict < 1,000 ms on loopback');
  } finally {
    server.close();
    await platform.close().catch(() => undefined);
    await Promise.all([dbDir, withProfile, withoutProfile].map((d) => rm(d, { recursive: true, force: true })));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
