/**
 * The widget's snapshot kept between page loads (`data-snapshot`): saved once downloaded; used
 * when the next page cannot download one, and then only for last answers ("据 HH:MM 名单快照：…"),
 * never as a current verdict — the changes since it are unknown to that page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FOREVER_DAY } from '../../../core/snapshot/china-day-number.ts';
import type { SnapshotStore, StoredWidgetSnapshot } from '../../../widget/contract/snapshot-store.ts';
import type { WidgetSnapshot } from '../../../widget/contract/widget-snapshot.ts';
import { createWidgetSnapshot } from '../../../widget/more/create-widget-snapshot.ts';
import { makeSnapshotCode } from '../core/snapshot/make-snapshot-code.ts';
import { signedSnapshot, type SignedSnapshot } from '../core/snapshot/signed-snapshot.ts';

const listed = makeSnapshotCode(31);
const absent = makeSnapshotCode(32);
const SOURCE = 'https://credit.example.gov.cn|token:1';
let today: SignedSnapshot;
let yesterday: SignedSnapshot;

beforeAll(async () => {
  today = await signedSnapshot(5, [{ code: listed, timeline: [1, FOREVER_DAY] }]);
  yesterday = await signedSnapshot(4, [{ code: listed, timeline: [1, FOREVER_DAY] }], '2020-01-01');
});

function memoryStore(): SnapshotStore & { kept: Map<string, StoredWidgetSnapshot> } {
  const kept = new Map<string, StoredWidgetSnapshot>();
  return { kept, load: async (source) => kept.get(source) ?? null, save: async (s) => void kept.set(s.source, s) };
}

/** A platform whose snapshot download works (`serve`) or fails. */
function platform(snapshot: SignedSnapshot, serve: boolean): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.endsWith('/.well-known/creditlens-record-key')) {
      if (!serve) throw new TypeError('Failed to fetch');
      return Response.json({ algorithm: 'Ed25519', ...snapshot.key, asOf: new Date().toISOString(), dataVersion: 5 });
    }
    if (url.endsWith('/api/v1/snapshot')) return new Response(new Uint8Array(snapshot.bytes), { status: 200 });
    return new Response('', { status: 404 });
  }) as typeof fetch;
}

function open(store: SnapshotStore, fetch: typeof globalThis.fetch, source = SOURCE): WidgetSnapshot {
  return createWidgetSnapshot({
    platform: 'https://credit.example.gov.cn',
    source,
    store,
    token: async () => null,
    freshnessMs: 60_000,
    reread: async () => [],
    onUpdated: () => undefined,
    onError: () => undefined,
    fetch,
  });
}

describe('the widget snapshot kept between page loads', () => {
  it('is saved once downloaded, and answers the next page only as a last answer when it cannot download one', async () => {
    const store = memoryStore();
    const first = open(store, platform(today, true));
    await first.ready;
    expect(first.verdict(listed)?.kind).toBe('black');
    await expect.poll(() => store.kept.has(SOURCE)).toBe(true);

    const next = open(store, platform(today, false));
    await next.ready;
    expect(next.dataVersion()).toBe(5);
    const verdict = next.verdict(listed);
    expect(verdict).toMatchObject({ kind: 'unknown', lastKnown: 'black' });
    expect(verdict?.reason.detail).toMatch(/^据 \d\d:\d\d 名单快照：黑名单$/);
    expect(next.verdict(absent)).toMatchObject({ kind: 'unknown', lastKnown: 'clear' });
    // A feed read does not make it current: what changed since it was made is not known here.
    next.feedRead(9);
    expect(next.verdict(absent)?.kind).toBe('unknown');
  });

  it('is not used when made on another day, altered, or kept for other credentials', async () => {
    const store = memoryStore();
    store.kept.set(SOURCE, { source: SOURCE, ...yesterday.key, bytes: yesterday.bytes });
    const old = open(store, platform(today, false));
    await old.ready;
    expect(old.verdict(listed)).toBeNull();

    const altered = new Uint8Array(today.bytes);
    altered[altered.length - 80] = (altered[altered.length - 80] as number) ^ 1;
    store.kept.set(SOURCE, { source: SOURCE, ...today.key, bytes: altered });
    const broken = open(store, platform(today, false));
    await broken.ready;
    expect(broken.verdict(listed)).toBeNull();

    store.kept.set(SOURCE, { source: SOURCE, ...today.key, bytes: today.bytes });
    const other = open(store, platform(today, false), 'https://credit.example.gov.cn|anonymous');
    await other.ready;
    expect(other.verdict(listed)).toBeNull();
  });
});
