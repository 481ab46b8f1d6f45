/**
 * Several platforms (issue 17), each with its own list snapshot and changes feed: a code every
 * covering platform's snapshot answers is painted from them at once and asked for its full
 * answers only once painted; a platform without a snapshot is asked at once; each snapshot is
 * kept under its own platform's keys and its feed resumes from it.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FOREVER_DAY } from '../../../../core/snapshot/china-day-number.ts';
import { createPlatformsVerdictService } from '../../../../extension/background/create-platforms-verdict-service.ts';
import type { VerdictService } from '../../../../extension/background/create-verdict-service.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { platformSnapshotItems, snapshotItem } from '../../../../extension/snapshot/snapshot-items.ts';
import { platformLinesText } from '../../../../core/platforms/platform-lines-text.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import type { FakeReply } from '../../core/fixtures/make-fake-fetch.ts';
import { makeSnapshotCode } from '../../core/snapshot/make-snapshot-code.ts';
import { signedSnapshot, snapshotPlatform, type SignedSnapshot } from './snapshot-platform.ts';

const HOLD_MS = 400;
const CITY = 'http://127.0.0.1:9101';
const PROVINCE = 'http://127.0.0.1:9102';
const platforms = [
  { id: 'city', url: CITY, token: 'c-token', regions: ['4201'], name: '市平台' },
  { id: 'province', url: PROVINCE, token: 'p-token', regions: ['42'], name: '省平台' },
];
/** Wuhan: both platforms cover it; the province lists it. */
const wuhanListed = makeSnapshotCode(31, '91420105');
const wuhanClear = makeSnapshotCode(32, '91420105');
/** Yichang: only the province covers it. */
const yichang = makeSnapshotCode(33, '91420500');
let city: SignedSnapshot;
let province: SignedSnapshot;

beforeAll(async () => {
  city = await signedSnapshot(4, [], undefined, ['4201']);
  province = await signedSnapshot(9, [{ code: wuhanListed, timeline: [1, FOREVER_DAY] }]);
});
beforeEach(() => fakeBrowser.reset());

/** Status answers of a platform listing `listed`. */
const answers =
  (listed: string | null) =>
  (codes: string[]): FakeReply => ({
    status: 200,
    body: {
      results: codes.map((code) => ({
        code,
        found: true,
        invalid: false,
        subject: { code, name: `主体${code.slice(-4)}`, regionCode: null, legalRepresentative: null },
        entries: code === listed ? [makeEntry({ id: 'p-9', list: 'black' })] : [],
        asOf: new Date().toISOString(),
        dataVersion: 9,
      })),
      asOf: new Date().toISOString(),
      dataVersion: 9,
    },
  });

describe('createPlatformsVerdictService with a list snapshot per platform', () => {
  let service: VerdictService | undefined;
  afterEach(() => service?.dispose());

  function start(o: { provinceServesSnapshot?: boolean; freshnessMinutes?: number; provinceDown?: () => boolean } = {}) {
    const fakes = {
      city: snapshotPlatform({ snapshot: city, version: () => 4, serveSnapshot: true, status: answers(null) }),
      province: snapshotPlatform({ snapshot: province, version: () => 9, serveSnapshot: o.provinceServesSnapshot ?? true, status: answers(wuhanListed) }),
    };
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.startsWith(PROVINCE) && o.provinceDown?.()) throw new TypeError('Failed to fetch');
      return (url.startsWith(CITY) ? fakes.city : fakes.province).fetch(input, init);
    };
    const settings = parseStoredSettings({ changesPollSeconds: 60, freshnessMinutes: o.freshnessMinutes ?? 5 });
    service = createPlatformsVerdictService({
      settings: () => settings,
      platforms,
      fetch,
      onDirty: () => undefined,
      onVerdict: (code, verdict) => pushed.set(code, verdict.kind),
      holdMaxMs: HOLD_MS,
    });
    const asked = (fake: 'city' | 'province') =>
      fakes[fake].calls.filter((c) => c.url.includes('/status')).flatMap((c) => (c.body as { codes: string[] }).codes);
    const feedSince = (fake: 'city' | 'province') =>
      fakes[fake].calls.filter((c) => c.url.includes('/changes')).map((c) => Number(new URL(c.url).searchParams.get('since')));
    return { asked, feedSince, pushed };
  }
  const pushed = new Map<string, string>();
  beforeEach(() => pushed.clear());

  it('paints a code every covering snapshot answers at once, and asks each platform only once it was painted', async () => {
    const { asked } = start();
    await vi.waitFor(() => expect(service!.peek(wuhanListed)?.kind).toBe('black'));
    service!.watch([wuhanListed, wuhanClear, yichang]);
    expect(service!.peek(wuhanClear)).toMatchObject({ kind: 'clear', result: null });
    expect(platformLinesText(service!.peek(wuhanListed)?.platforms ?? [])).toBe('市平台：未列入；省平台：黑名单');
    await new Promise((r) => setTimeout(r, 100));
    expect([...asked('city'), ...asked('province')]).toEqual([]);
    service!.release([wuhanListed]);
    await vi.waitFor(() => expect(asked('province')).toEqual([wuhanListed]));
    expect(asked('city')).toEqual([wuhanListed]);
    await vi.waitFor(() => expect(service!.peek(wuhanListed)?.activeEntries.map((e) => e.id)).toEqual(['province:p-9']));
    // The others follow after the longest hold.
    await vi.waitFor(() => expect(asked('province')).toEqual(expect.arrayContaining([wuhanClear, yichang])), { timeout: HOLD_MS + 2_000 });
  });

  it('asks at once for a code one of its platforms has no snapshot for', async () => {
    const { asked } = start({ provinceServesSnapshot: false });
    await vi.waitFor(() => expect(service!.snapshotInfo().state).toBe('ok'));
    service!.watch([wuhanClear]);
    // The city's snapshot alone does not speak for the province: nothing is painted clear, and both are asked now.
    expect(service!.peek(wuhanClear)?.kind).toBe('pending');
    await vi.waitFor(() => expect(asked('province')).toEqual([wuhanClear]));
    expect(asked('city')).toEqual([wuhanClear]);
    await vi.waitFor(() => expect(service!.peek(wuhanClear)?.kind).toBe('clear'));
  });

  it('keeps each snapshot under its platform, and each feed resumes from its own', async () => {
    const { feedSince } = start();
    await vi.waitFor(() => expect(feedSince('province')).toContain(9));
    expect(feedSince('city')).toContain(4);
    await vi.waitFor(async () => {
      expect((await platformSnapshotItems('city').snapshot.getValue())?.keyId).toBe(city.key.keyId);
      expect((await platformSnapshotItems('province').info.getValue())?.dataVersion).toBe(9);
    });
    expect(await snapshotItem.getValue()).toBeNull();
  });

  it('turns a code painted from a snapshot unknown once that platform’s feed was not read within the window', async () => {
    let down = false;
    // The shortest window settings allow (3 s); the province goes down after its first feed read.
    const { feedSince } = start({ freshnessMinutes: 0.05, provinceDown: () => down });
    await vi.waitFor(() => expect(service!.peek(wuhanClear)?.kind).toBe('clear'));
    await vi.waitFor(() => expect(feedSince('province').length).toBeGreaterThan(0));
    down = true;
    service!.watch([wuhanClear]);
    await vi.waitFor(() => expect(service!.peek(wuhanClear)).toMatchObject({ kind: 'unknown', lastKnown: 'clear' }), { timeout: 8_000 });
    await vi.waitFor(() => expect(pushed.get(wuhanClear)).toBe('unknown'));
  }, 15_000);

  it('forgets a held code no frame shows any more: it is never asked', async () => {
    const { asked } = start();
    await vi.waitFor(() => expect(service!.peek(wuhanClear)?.kind).toBe('clear'));
    service!.watch([wuhanClear, yichang]);
    service!.retain(new Set([yichang]));
    await vi.waitFor(() => expect(asked('province')).toContain(yichang), { timeout: HOLD_MS + 2_000 });
    expect([...asked('city'), ...asked('province')]).not.toContain(wuhanClear);
  });

  it('starts no feed once disposed before the kept snapshots were read back', async () => {
    const { feedSince } = start();
    service!.dispose();
    service = undefined;
    // Negative: nothing must happen within the window in which a started follower polls at once.
    await new Promise((r) => setTimeout(r, 300));
    expect([...feedSince('city'), ...feedSince('province')]).toEqual([]);
  });
});
