/** The store on query-core: its keys, invalidation across contexts, collection and retries under the runtime's one client. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { createStatusQueryClient } from '../../../../core/query/create-status-query-client.ts';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { answer, heldReply, OTHER, settle, setupStore, SOURCE, START } from './status-store-fixture.ts';

describe('createStatusStore on a query client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('returns one query per code and context, keyed status, platform, token fingerprint, code, context', async () => {
    const { store, queryClient } = setupStore(answer(), { context: 'procurement' });
    await settle(Promise.all([store.get(SAMPLE_CODE), store.get(OTHER), store.get(SAMPLE_CODE)]));
    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.queryKey);
    expect(keys).toEqual([
      ['status', SOURCE.platform, SOURCE.tokenFingerprint, SAMPLE_CODE, 'procurement'],
      ['status', SOURCE.platform, SOURCE.tokenFingerprint, OTHER, 'procurement'],
    ]);
  });

  it('returns stale at once in every context when the changes feed invalidates a code, refetching the watched ones', async () => {
    const queryClient = createStatusQueryClient();
    const general = setupStore(answer(), { queryClient });
    const procurement = setupStore(answer(), { queryClient, context: 'procurement' });
    const seen: CodeVerdict[] = [];
    const stop = procurement.store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    await settle(general.store.get(SAMPLE_CODE));
    expect(seen.at(-1)).toMatchObject({ kind: 'clear', stale: false });
    procurement.setReply(answer(() => ({ entries: [makeEntry()] })));
    const invalidated = general.store.invalidate([SAMPLE_CODE]);
    expect(seen.at(-1)).toMatchObject({ kind: 'clear', stale: true });
    expect(general.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: true });
    await settle(invalidated);
    expect(seen.at(-1)).toMatchObject({ kind: 'black', stale: false });
    // Stores of one source share its query defaults (the latest store's client); each request carries its context.
    expect(procurement.status.mock.calls.map((c) => (c as unknown[])[1])).toEqual([
      { context: 'procurement' },
      { context: 'general' },
      { context: 'procurement' },
    ]);
    // The unwatched general one waits for its next get.
    await settle(general.store.get(SAMPLE_CODE));
    expect(general.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'black', stale: false });
    stop();
  });

  it('returns the code after the collection time while its fetch is still in flight, and forgets it once settled', async () => {
    const held = heldReply();
    const { store } = setupStore(held.reply);
    const pending = store.get(SAMPLE_CODE);
    await vi.advanceTimersByTimeAsync(31 * 60_000);
    expect(store.peek(SAMPLE_CODE)).not.toBeNull();
    held.release();
    expect((await pending).kind).toBe('clear');
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(store.peek(SAMPLE_CODE)).toBeNull();
  });

  it('keeps a watched code past the collection time', async () => {
    const { store } = setupStore(answer());
    const stop = store.subscribe(SAMPLE_CODE, () => undefined);
    await vi.advanceTimersByTimeAsync(2 * 60 * 60_000);
    expect(store.peek(SAMPLE_CODE)).not.toBeNull();
    stop();
  });

  it('returns the answer of retries that go on after the last subscriber left during them', async () => {
    const { store, status, setReply } = setupStore(() => new CreditError('offline', 'x'), { retries: 2 });
    const stop = store.subscribe(SAMPLE_CODE, () => undefined);
    await vi.advanceTimersByTimeAsync(50);
    expect(store.peek(SAMPLE_CODE)?.kind).toBe('unknown');
    stop();
    setReply(answer());
    await vi.advanceTimersByTimeAsync(1_100);
    expect(status).toHaveBeenCalledTimes(2);
    expect(store.peek(SAMPLE_CODE)?.kind).toBe('clear');
  });

  it('returns nothing for any code once cleared (the source changed)', async () => {
    const { store, queryClient } = setupStore(answer());
    await settle(store.get(SAMPLE_CODE));
    store.clear();
    expect(store.peek(SAMPLE_CODE)).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });

  it('calls a listener that subscribes again from inside its call once per change', async () => {
    const { store } = setupStore(answer());
    const seen: string[] = [];
    const stops: (() => void)[] = [];
    const listener = (v: CodeVerdict): void => {
      seen.push(v.kind);
      if (v.kind === 'clear' && stops.length === 1) stops.push(store.subscribe(SAMPLE_CODE, (w) => seen.push(`again ${w.kind}`)));
    };
    stops.push(store.subscribe(SAMPLE_CODE, listener));
    await vi.advanceTimersByTimeAsync(50);
    expect(seen).toEqual(['pending', 'clear', 'again clear']);
    for (const stop of stops) stop();
  });
});
