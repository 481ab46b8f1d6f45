/**
 * @vitest-environment happy-dom
 *
 * The widget with several platforms and `snapshot: true` (issues 15 and 17): each platform's
 * signed list snapshot is downloaded and followed on its own; a code every covering platform's
 * snapshot speaks for is painted from them before any status request, one a platform has no
 * snapshot for waits for the full answers, and `check()` returns full answers only.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FOREVER_DAY } from '../../../core/snapshot/china-day-number.ts';
import { platformLinesText } from '../../../core/platforms/platform-lines-text.ts';
import { chinaDate } from '../../../core/time/china-time.ts';
import { createCreditLensCore, type CreditLensCore } from '../../../widget/runtime/create-credit-lens-core.ts';
import { loadMore } from '../../../widget/runtime/load-more.ts';
import type { CodeState } from '../../../widget/contract/code-watcher.ts';
import { makeSnapshotCode } from '../core/snapshot/make-snapshot-code.ts';
import { signedSnapshot, type SignedSnapshot } from '../core/snapshot/signed-snapshot.ts';
import { makeEntry } from '../core/fixtures/make-entry.ts';
import { NOW } from './fake-platform.ts';

const WUHAN_URL = 'https://credit.wuhan.example';
const HUBEI_URL = 'https://credit.hubei.example';
const platforms = [
  { id: 'wuhan', url: WUHAN_URL, token: 'w', regions: ['4201'], name: '武汉市平台' },
  { id: 'hubei', url: HUBEI_URL, token: 'h', regions: ['42'], name: '湖北省平台' },
];
/** Wuhan's: both cover it; the province's snapshot lists it black. */
const LISTED = makeSnapshotCode(41, '91420102');
const CLEAR = makeSnapshotCode(42, '91420102');
/** Yichang's: the province's only. */
const YICHANG = makeSnapshotCode(43, '91420500');
const VERSION: Record<string, number> = { [WUHAN_URL]: 4, [HUBEI_URL]: 9 };

let snapshots: Record<string, SignedSnapshot>;
beforeAll(async () => {
  const today = chinaDate(NOW);
  snapshots = {
    [WUHAN_URL]: await signedSnapshot(4, [], today, ['4201']),
    [HUBEI_URL]: await signedSnapshot(9, [{ code: LISTED, timeline: [1, FOREVER_DAY] }], today),
  };
});

let calls: Array<{ origin: string; path: string; url: string; codes: string[] | null }>;
let serves: Record<string, boolean>;
/** Origins whose status requests fail (HTTP 500) while everything else answers. */
let failing: Set<string>;
/** Status requests held until released (`release()`); none while null. */
let holding: Array<() => void> | null;
let core: CreditLensCore;
const stops: Array<() => void> = [];

beforeEach(() => {
  calls = [];
  serves = { [WUHAN_URL]: true, [HUBEI_URL]: true };
  failing = new Set();
  holding = null;
  const fetchVia: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const codes = url.pathname === '/api/v1/status' ? (JSON.parse(String(init?.body)) as { codes: string[] }).codes : null;
    calls.push({ origin: url.origin, path: url.pathname, url: url.href, codes });
    const stamp = { asOf: NOW.toISOString(), dataVersion: VERSION[url.origin]! };
    if (url.pathname === '/.well-known/creditlens-record-key') return Response.json({ algorithm: 'Ed25519', ...snapshots[url.origin]!.key, ...stamp });
    if (url.pathname === '/api/v1/snapshot')
      return serves[url.origin]
        ? new Response(new Uint8Array(snapshots[url.origin]!.bytes))
        : Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
    if (url.pathname === '/api/v1/changes')
      return Response.json({ changes: [], cursor: Number(url.searchParams.get('since') ?? VERSION[url.origin]), hasMore: false, ...stamp });
    if (url.pathname === '/api/v1/status' && holding) await new Promise<void>((go) => holding!.push(go));
    if (url.pathname === '/api/v1/status' && failing.has(url.origin)) return Response.json({ error: { code: 'internal', message: 'down' } }, { status: 500 });
    if (url.pathname === '/api/v1/status')
      return Response.json({
        results: codes!.map((code) => ({
          code,
          found: true,
          invalid: false,
          subject: { code, name: `主体${code.slice(-4)}`, regionCode: null, legalRepresentative: null },
          entries: url.origin === HUBEI_URL && code === LISTED ? [makeEntry({ id: 'e-9', list: 'black' })] : [],
          scope: 'full',
          ...stamp,
        })),
        ...stamp,
      });
    if (url.pathname === '/api/v1/measures') return Response.json({ catalogueVersion: '1', measures: [], ...stamp });
    return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
  };
  core = createCreditLensCore({ fetch: fetchVia, now: () => NOW, changesIntervalMs: 60_000, loadMore });
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  core.configure({ platforms: null, snapshot: false });
});

/** Every state a watched code was shown in, with the status requests sent for it by then. */
function watch(code: string) {
  const seen: Array<{ state: CodeState; asked: number }> = [];
  stops.push(core.watch(code, (state) => seen.push({ state, asked: calls.filter((c) => c.codes?.includes(code)).length })));
  return seen;
}

describe('the widget with several platforms and their list snapshots', () => {
  it('paints a code every covering snapshot speaks for before any status request, then asks each covering platform', async () => {
    core.configure({ platforms, snapshot: true, freshness: 60_000 });
    const listed = watch(LISTED);
    const clear = watch(CLEAR);
    await expect.poll(() => listed.find((s) => s.state.verdict.kind === 'black')).toBeTruthy();
    const painted = listed.find((s) => s.state.verdict.kind === 'black')!;
    expect(painted.asked).toBe(0);
    expect(platformLinesText(painted.state.verdict.platforms ?? [])).toBe('武汉市平台：未列入；湖北省平台：黑名单');
    await expect.poll(() => clear.find((s) => s.state.verdict.kind === 'clear')?.asked).toBe(0);
    // The full answers follow, from each covering platform, and bring the entry with its source.
    await expect
      .poll(() =>
        calls
          .filter((c) => c.codes?.includes(LISTED))
          .map((c) => c.origin)
          .sort(),
      )
      .toEqual([HUBEI_URL, WUHAN_URL]);
    await expect.poll(() => listed.at(-1)?.state.verdict.activeEntries.map((e) => e.id)).toEqual(['hubei:e-9']);
  });

  it('follows each platform’s feed from its own snapshot’s data version', async () => {
    core.configure({ platforms, snapshot: true, freshness: 60_000 });
    watch(YICHANG);
    const since = (origin: string) =>
      calls.filter((c) => c.origin === origin && c.path === '/api/v1/changes').map((c) => new URL(c.url).searchParams.get('since'));
    await expect.poll(() => since(HUBEI_URL)).toContain('9');
    await expect.poll(() => since(WUHAN_URL)).toContain('4');
  });

  it('lets no snapshot speak for a platform that has none: the code waits for the full answers', async () => {
    serves[HUBEI_URL] = false;
    core.configure({ platforms, snapshot: true, freshness: 60_000 });
    const clear = watch(CLEAR);
    await expect.poll(() => clear.find((s) => s.state.verdict.kind === 'clear')).toBeTruthy();
    expect(clear.find((s) => s.state.verdict.kind === 'clear')!.asked).toBeGreaterThan(0);
    expect(clear.find((s) => s.state.verdict.kind === 'clear')!.state.result).not.toBeNull();
  });

  it('returns full answers from check(), never a snapshot’s class alone', async () => {
    core.configure({ platforms, snapshot: true, freshness: 60_000 });
    const [result] = await core.check(LISTED);
    expect(result!.verdict.kind).toBe('black');
    expect(result!.result?.entries.map((e) => e.id)).toEqual(['hubei:e-9']);
    expect(result!.name).toBe(`主体${LISTED.slice(-4)}`);
  });

  it('returns from check() with unknown when a platform’s status fails while its snapshot is current, never its snapshot’s clear', async () => {
    failing.add(WUHAN_URL);
    core.configure({ platforms, snapshot: true, freshness: 60_000 });
    const [result] = await core.check(CLEAR);
    expect(result!.verdict.kind).toBe('unknown');
    expect(platformLinesText(result!.verdict.platforms ?? [])).toBe('武汉市平台：无法连接；湖北省平台：未列入');
  }, 20_000);

  it('answers a check under the new configuration when the platforms change while it waits', async () => {
    holding = [];
    core.configure({ platforms, snapshot: false, freshness: 60_000 });
    const checked = core.check(YICHANG);
    await expect.poll(() => holding!.length).toBeGreaterThan(0);
    const held = holding!;
    holding = null;
    core.configure({ platforms: [platforms[1]!] });
    const [result] = await checked;
    for (const go of held) go();
    expect(result!.verdict.kind).toBe('clear');
    expect(result!.verdict.platforms?.map((line) => line.platformId)).toEqual(['hubei']);
  });
});
