import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreditClient } from '../../../../core/api/create-credit-client.ts';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { StatusResponse } from '../../../../core/api/status-schema.ts';
import { createStatusStore, type CodeVerdict, type StatusStoreOptions } from '../../../../core/query/create-status-store.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResponse, SAMPLE_CODE } from '../fixtures/make-status-result.ts';

const START = new Date('2026-03-01T02:00:00.000Z');
const OTHER = '91420105MA4KX0T13D';

type Reply = (codes: string[]) => StatusResponse | CreditError;

function setup(reply: Reply, options: Partial<StatusStoreOptions> = {}) {
  let current = reply;
  const status = vi.fn(async (codes: string[]) => {
    const r = current(codes);
    if (r instanceof CreditError) throw r;
    return r;
  });
  const client = { status } as unknown as CreditClient;
  const queryClient = new QueryClient();
  const store = createStatusStore({ client, queryClient, retries: 0, recoveryIntervalMs: 10_000, ...options });
  return { store, status, queryClient, setReply: (r: Reply) => (current = r) };
}

const answer = (perCode: Parameters<typeof makeStatusResponse>[1] = () => ({})): Reply => (codes) =>
  makeStatusResponse(codes, perCode, new Date().toISOString());

/** Lets the batcher window (and query-core's notifications) pass under fake timers, then awaits. */
async function settle<T>(promise: Promise<T>, ms = 50): Promise<T> {
  await vi.advanceTimersByTimeAsync(ms);
  return promise;
}

describe('createStatusStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('returns clear for an answered code and batches concurrent gets into one request', async () => {
    const { store, status } = setup(answer());
    const [a, b, c] = await settle(Promise.all([store.get(SAMPLE_CODE), store.get(OTHER), store.get(SAMPLE_CODE)]));
    expect(status).toHaveBeenCalledTimes(1);
    expect(status.mock.calls[0]![0]).toEqual([SAMPLE_CODE, OTHER]);
    expect([a.kind, b.kind, c.kind]).toEqual(['clear', 'clear', 'clear']);
    expect(a.result?.code).toBe(SAMPLE_CODE);
  });

  it('serves a fresh answer from cache and refetches once it is older than the freshness window', async () => {
    const { store, status } = setup(answer(), { freshnessMs: 60_000 });
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
    const { store } = setup(() => error);
    const v = await settle(store.get(SAMPLE_CODE));
    expect(v).toMatchObject({ kind: 'unknown', reason: { code: 'error', errorKind: error.kind }, result: null });
  });

  it('retries transient errors with backoff before giving up', async () => {
    const { store, status, setReply } = setup(() => new CreditError('offline', 'x'), { retries: 2 });
    const pending = store.get(SAMPLE_CODE);
    await vi.advanceTimersByTimeAsync(1_100);
    setReply(answer());
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await pending).kind).toBe('clear');
    expect(status.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('does not retry a non-transient error', async () => {
    const { store, status } = setup(() => new CreditError('http', 'x', { status: 400 }), { retries: 3 });
    await settle(store.get(SAMPLE_CODE));
    expect(status).toHaveBeenCalledTimes(1);
  });

  it('returns peek null for a code never asked for', () => {
    expect(setup(answer()).store.peek(SAMPLE_CODE)).toBeNull();
  });

  it('notifies subscribers from checking to answered, and refetches on invalidation', async () => {
    const { store, status, setReply } = setup(answer());
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
    const { store, status } = setup(answer());
    await settle(store.get(SAMPLE_CODE));
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: false });
    await settle(store.invalidate([SAMPLE_CODE, OTHER]));
    expect(status).toHaveBeenCalledTimes(1);
    // Changed on the platform since: the young answer no longer counts as current.
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: true });
    await settle(store.get(SAMPLE_CODE));
    expect(status).toHaveBeenCalledTimes(2);
  });

  it('recovers by itself after an outage while a code is watched', async () => {
    const { store, setReply } = setup(() => new CreditError('offline', 'x'));
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
    const { store, setReply } = setup(answer((code) => (code === SAMPLE_CODE ? { entries: [makeEntry()] } : {})), { freshnessMs: 1_000 });
    await settle(Promise.all([store.get(SAMPLE_CODE), store.get(OTHER)]));
    vi.setSystemTime(START.getTime() + 2_000);
    setReply(() => new CreditError('timeout', 'x'));
    const [black, clear] = await settle(Promise.all([store.get(SAMPLE_CODE), store.get(OTHER)]));
    expect(black).toMatchObject({ kind: 'unknown', lastKnown: 'black', stale: true, reason: { errorKind: 'timeout' } });
    expect(black.ageMs).toBeGreaterThanOrEqual(1_900);
    expect(clear).toMatchObject({ kind: 'unknown', lastKnown: 'clear', stale: true, result: { code: OTHER } });
  });

  it('refreshAll refetches every cached code', async () => {
    const { store, status } = setup(answer());
    await settle(Promise.all([store.get(SAMPLE_CODE), store.get(OTHER)]));
    await settle(store.refreshAll());
    expect(status).toHaveBeenCalledTimes(2);
    expect(status.mock.calls[1]![0]).toHaveLength(2);
  });

  it('dehydrates answered codes to plain data and hydrates them into a new store', async () => {
    const first = setup(answer(() => ({ entries: [makeEntry()] })));
    await settle(first.store.get(SAMPLE_CODE));
    const saved = JSON.parse(JSON.stringify(first.store.dehydrate())) as { queries: unknown[] };
    expect(saved.queries).toHaveLength(1);

    const second = setup(answer());
    second.store.hydrate({ queries: [...saved.queries, { queryKey: ['credit-status', 'general', OTHER], queryHash: 'x', state: { data: { bogus: true }, dataUpdatedAt: 1 } }] });
    second.store.hydrate('not a state');
    expect(second.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'black', stale: false });
    expect(second.store.peek(OTHER)).toBeNull();
    await settle(second.store.get(SAMPLE_CODE));
    expect(second.status).not.toHaveBeenCalled();
  });

  it('refetches a hydrated code once it is stale (hydrated queries keep their function)', async () => {
    const first = setup(answer());
    await settle(first.store.get(SAMPLE_CODE));
    const second = setup(answer(() => ({ entries: [makeEntry()] })));
    second.store.hydrate(JSON.parse(JSON.stringify(first.store.dehydrate())));
    vi.setSystemTime(START.getTime() + 10 * 60_000);
    await settle(second.store.refreshAll());
    expect(second.status).toHaveBeenCalledTimes(1);
    expect(second.store.peek(SAMPLE_CODE)?.kind).toBe('black');
  });
});
