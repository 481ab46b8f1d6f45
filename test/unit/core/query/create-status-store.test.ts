import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { answer, heldReply, OTHER, settle, setupStore, START } from './status-store-fixture.ts';

describe('createStatusStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('returns clear for an answered code and batches concurrent gets into one request', async () => {
    const { store, status } = setupStore(answer());
    const [a, b, c] = await settle(Promise.all([store.get(SAMPLE_CODE), store.get(OTHER), store.get(SAMPLE_CODE)]));
    expect(status).toHaveBeenCalledTimes(1);
    expect(status.mock.calls[0]![0]).toEqual([SAMPLE_CODE, OTHER]);
    expect([a.kind, b.kind, c.kind]).toEqual(['clear', 'clear', 'clear']);
    expect(a.result?.code).toBe(SAMPLE_CODE);
  });

  it('serves a fresh answer from cache and refetches once it is older than the freshness window', async () => {
    const { store, status } = setupStore(answer(), { freshnessMs: 60_000 });
    await settle(store.get(SAMPLE_CODE));
    await settle(store.get(SAMPLE_CODE));
    expect(status).toHaveBeenCalledTimes(1);
    vi.setSystemTime(START.getTime() + 61_000);
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: true });
    expect(store.peek(SAMPLE_CODE)?.ageMs).toBeGreaterThan(60_000);
    await settle(store.get(SAMPLE_CODE));
    expect(status).toHaveBeenCalledTimes(2);
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ stale: false });
    expect(store.peek(SAMPLE_CODE)?.ageMs).toBeLessThan(1_000);
  });

  it.each([
    ['timeout', new CreditError('timeout', 'x')],
    ['5xx', new CreditError('http', 'x', { status: 503 })],
    ['auth', new CreditError('auth', 'x', { status: 401 })],
    ['schema', new CreditError('schema', 'x')],
  ])('returns unknown, never throws, on a %s error', async (_n, error) => {
    const { store } = setupStore(() => error);
    const v = await settle(store.get(SAMPLE_CODE));
    expect(v).toMatchObject({ kind: 'unknown', reason: { code: 'error', errorKind: error.kind }, result: null });
  });

  it('returns unknown when the client fails with something other than a CreditError', async () => {
    const { store } = setupStore(() => new TypeError('a bug'));
    expect(await settle(store.get(SAMPLE_CODE))).toMatchObject({ kind: 'unknown', reason: { code: 'error' }, result: null });
  });

  it('retries transient errors with backoff before giving up', async () => {
    const { store, status, setReply } = setupStore(() => new CreditError('offline', 'x'), { retries: 2 });
    const pending = store.get(SAMPLE_CODE);
    await vi.advanceTimersByTimeAsync(1_100);
    setReply(answer());
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await pending).kind).toBe('clear');
    expect(status.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('does not retry a non-transient error', async () => {
    const { store, status } = setupStore(() => new CreditError('http', 'x', { status: 400 }), { retries: 3 });
    await settle(store.get(SAMPLE_CODE));
    expect(status).toHaveBeenCalledTimes(1);
  });

  it('returns peek null for a code never asked for', () => {
    expect(setupStore(answer()).store.peek(SAMPLE_CODE)).toBeNull();
  });

  it('notifies subscribers from checking to answered, and refetches on invalidation', async () => {
    const { store, status, setReply } = setupStore(answer());
    const seen: CodeVerdict[] = [];
    const unsubscribe = store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    expect(seen[0]?.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(50);
    expect(seen.at(-1)?.kind).toBe('clear');
    setReply(answer(() => ({ entries: [makeEntry()] })));
    await settle(store.invalidate([SAMPLE_CODE]));
    await vi.advanceTimersByTimeAsync(50);
    expect(status).toHaveBeenCalledTimes(2);
    expect(seen.at(-1)?.kind).toBe('black');
    unsubscribe();
  });

  it('marks an unwatched code for refetch on invalidation without fetching it now', async () => {
    const { store, status } = setupStore(answer());
    await settle(store.get(SAMPLE_CODE));
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: false });
    await settle(store.invalidate([SAMPLE_CODE, OTHER]));
    expect(status).toHaveBeenCalledTimes(1);
    // Changed on the platform since: the young answer no longer counts as current.
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: true });
    await settle(store.get(SAMPLE_CODE));
    expect(status).toHaveBeenCalledTimes(2);
  });

  it('asks again for a get whose query another store of the same source removed, and answers pending once this store is cleared', async () => {
    const held = heldReply();
    const { store, status, queryClient, setReply } = setupStore(held.reply);
    const first = store.get(SAMPLE_CODE);
    await vi.advanceTimersByTimeAsync(50);
    // The query is removed while its answer is on the way (as a store of the same source clearing the cache does).
    queryClient.removeQueries();
    setReply(answer(() => ({ entries: [makeEntry()] })));
    held.release();
    expect((await settle(first)).kind).toBe('black');
    expect(status).toHaveBeenCalledTimes(2);
    const again = heldReply();
    setReply(again.reply);
    vi.setSystemTime(START.getTime() + 60 * 60_000);
    const waiting = store.get(SAMPLE_CODE);
    await vi.advanceTimersByTimeAsync(50);
    store.clear();
    again.release();
    expect((await settle(waiting)).kind).toBe('pending');
  });

  it('refetches an unwatched code invalidated while a get is waiting for it, and gives that get the later answer', async () => {
    const before = heldReply();
    const { store, status, setReply } = setupStore(before.reply);
    const pending = store.get(SAMPLE_CODE);
    await vi.advanceTimersByTimeAsync(50);
    setReply(answer(() => ({ entries: [makeEntry()] })));
    const invalidated = store.invalidate([SAMPLE_CODE]);
    before.release();
    await settle(invalidated);
    expect(status).toHaveBeenCalledTimes(2);
    expect((await pending).kind).toBe('black');
  });

  it('recovers by itself after an outage while a code is watched', async () => {
    const { store, setReply } = setupStore(() => new CreditError('offline', 'x'));
    const seen: CodeVerdict[] = [];
    const unsubscribe = store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    await vi.advanceTimersByTimeAsync(50);
    expect(seen.at(-1)).toMatchObject({ kind: 'unknown', reason: { errorKind: 'offline' } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen.at(-1)?.kind).toBe('unknown');
    setReply(answer(() => ({ entries: [makeEntry({ list: 'red' })] })));
    await vi.advanceTimersByTimeAsync(10_050);
    expect(seen.at(-1)?.kind).toBe('red');
    unsubscribe();
  });

  it('turns cached black and clear verdicts unknown when a refresh fails, remembering the last answer', async () => {
    const { store, setReply } = setupStore(
      answer((code) => (code === SAMPLE_CODE ? { entries: [makeEntry()] } : {})),
      { freshnessMs: 1_000 },
    );
    await settle(Promise.all([store.get(SAMPLE_CODE), store.get(OTHER)]));
    vi.setSystemTime(START.getTime() + 2_000);
    setReply(() => new CreditError('timeout', 'x'));
    const [black, clear] = await settle(Promise.all([store.get(SAMPLE_CODE), store.get(OTHER)]));
    expect(black).toMatchObject({ kind: 'unknown', lastKnown: 'black', stale: true, reason: { errorKind: 'timeout' } });
    expect(black.ageMs).toBeGreaterThanOrEqual(1_900);
    expect(clear).toMatchObject({ kind: 'unknown', lastKnown: 'clear', stale: true, result: { code: OTHER } });
  });

  it('refreshAll refetches every cached code, answered or failed', async () => {
    const { store, status, setReply } = setupStore(answer((code) => (code === OTHER ? { entries: [makeEntry()] } : {})));
    await settle(store.get(SAMPLE_CODE));
    setReply(() => new CreditError('offline', 'x'));
    await settle(store.get(OTHER));
    setReply(answer((code) => (code === OTHER ? { entries: [makeEntry()] } : {})));
    await settle(store.refreshAll());
    expect(status).toHaveBeenCalledTimes(3);
    expect(status.mock.calls[2]![0]).toEqual([SAMPLE_CODE, OTHER]);
    expect(store.peek(OTHER)?.kind).toBe('black');
  });

  it('shares the request in flight with a get and a subscriber that come after it was sent', async () => {
    const held = heldReply();
    const { store, status } = setupStore(held.reply);
    const first = store.get(SAMPLE_CODE);
    await vi.advanceTimersByTimeAsync(1_000);
    const second = store.get(SAMPLE_CODE);
    const seen: CodeVerdict[] = [];
    const unsubscribe = store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(status).toHaveBeenCalledTimes(1);
    held.release();
    const [a, b] = await settle(Promise.all([first, second]));
    expect([a.kind, b.kind, seen.at(-1)?.kind]).toEqual(['clear', 'clear', 'clear']);
    expect(status).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('retries a transient error 3 times by default, 1 s, 2 s and 4 s apart, showing unknown from the first failure', async () => {
    const { store, status } = setupStore(() => new CreditError('offline', 'x'), { retries: undefined });
    let done = false;
    const pending = store.get(SAMPLE_CODE).then((v) => ((done = true), v));
    await vi.advanceTimersByTimeAsync(20);
    expect(status).toHaveBeenCalledTimes(1);
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'unknown', reason: { errorKind: 'offline' } });
    // Each attempt also waits for the batcher's 20 ms window.
    for (const [wait, calls] of [
      [999, 1],
      [21, 2],
      [1_999, 2],
      [21, 3],
      [3_999, 3],
      [21, 4],
    ] as const) {
      await vi.advanceTimersByTimeAsync(wait);
      expect(status).toHaveBeenCalledTimes(calls);
    }
    expect(done).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(status).toHaveBeenCalledTimes(4);
    expect(await pending).toMatchObject({ kind: 'unknown', reason: { errorKind: 'offline' } });
  });

  it('returns unknown with the last answer from the first failed retry of an answer past the freshness window', async () => {
    const { store, setReply } = setupStore(answer(), { retries: 1, freshnessMs: 1_000 });
    await settle(store.get(SAMPLE_CODE));
    vi.setSystemTime(START.getTime() + 2_000);
    setReply(() => new CreditError('timeout', 'x'));
    const refresh = store.get(SAMPLE_CODE);
    await vi.advanceTimersByTimeAsync(50);
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'unknown', lastKnown: 'clear', stale: true, reason: { errorKind: 'timeout' } });
    expect(await settle(refresh, 2_000)).toMatchObject({ kind: 'unknown', lastKnown: 'clear', result: { code: SAMPLE_CODE } });
  });

  it('calls a subscriber at once with the cached verdict and does not fetch a fresh answer again', async () => {
    const { store, status } = setupStore(answer());
    await settle(store.get(SAMPLE_CODE));
    const seen: CodeVerdict[] = [];
    const unsubscribe = store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    expect(seen.map((v) => v.kind)).toEqual(['clear']);
    await vi.advanceTimersByTimeAsync(50);
    expect(status).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('shows checking, not the old failure, to a new subscriber of a code that failed before', async () => {
    const held = heldReply();
    const { store, setReply } = setupStore(() => new CreditError('offline', 'x'));
    await settle(store.get(SAMPLE_CODE));
    setReply(held.reply);
    const seen: CodeVerdict[] = [];
    const unsubscribe = store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    expect(seen.at(-1)?.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(50);
    held.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.at(-1)?.kind).toBe('clear');
    unsubscribe();
  });

  it('keeps calling the other subscribers when one unsubscribes during a call', async () => {
    const { store } = setupStore(answer());
    const seen: string[] = [];
    const stopFirst = store.subscribe(SAMPLE_CODE, (v) => {
      seen.push(`first ${v.kind}`);
      if (v.kind === 'clear') stopFirst();
    });
    const stopSecond = store.subscribe(SAMPLE_CODE, (v) => seen.push(`second ${v.kind}`));
    await vi.advanceTimersByTimeAsync(50);
    expect(seen).toEqual(['first pending', 'second pending', 'first clear', 'second clear']);
    stopSecond();
  });

  it('shows an invalidated watched answer as stale at once and settles invalidate only when the refetch landed', async () => {
    const { store, setReply } = setupStore(answer());
    const seen: CodeVerdict[] = [];
    const unsubscribe = store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    await vi.advanceTimersByTimeAsync(50);
    const held = heldReply(() => ({ entries: [makeEntry()] }));
    setReply(held.reply);
    let settled = false;
    const invalidated = store.invalidate([SAMPLE_CODE]).then(() => (settled = true));
    expect(seen.at(-1)).toMatchObject({ kind: 'clear', stale: true });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(settled).toBe(false);
    held.release();
    await invalidated;
    expect(seen.at(-1)).toMatchObject({ kind: 'black', stale: false });
    unsubscribe();
  });

  it('refetches a watched code invalidated while its request is in flight, and keeps the later answer', async () => {
    const before = heldReply();
    const { store, status, setReply } = setupStore(before.reply);
    const seen: CodeVerdict[] = [];
    const unsubscribe = store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    await vi.advanceTimersByTimeAsync(50);
    setReply(answer(() => ({ entries: [makeEntry()] })));
    const invalidated = store.invalidate([SAMPLE_CODE]);
    await settle(invalidated);
    before.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(status).toHaveBeenCalledTimes(2);
    expect(seen.at(-1)?.kind).toBe('black');
    expect(store.peek(SAMPLE_CODE)?.kind).toBe('black');
    unsubscribe();
  });

  it.each([
    ['30 min when answers are fresh for less', 60_000, 30 * 60_000],
    ['the freshness window when it is longer', 60 * 60_000, 60 * 60_000],
  ])('forgets a code nobody watches after %s', async (_n, freshnessMs, gcMs) => {
    const { store } = setupStore(answer(), { freshnessMs });
    await settle(store.get(SAMPLE_CODE));
    const unsubscribe = store.subscribe(OTHER, () => undefined);
    await vi.advanceTimersByTimeAsync(gcMs - 100);
    expect(store.peek(SAMPLE_CODE)).not.toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(store.peek(SAMPLE_CODE)).toBeNull();
    expect(store.peek(OTHER)).not.toBeNull();
    unsubscribe();
  });
});
