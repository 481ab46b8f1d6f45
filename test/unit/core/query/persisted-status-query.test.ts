import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dehydrateStatusStore, hydrateStatusStore, persistStatusQuery, readPersistedStatusQueries } from '../../../../core/query/persisted-status-query.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { answer, OTHER, settle, setupStore, START } from './status-store-fixture.ts';

describe('dehydrateStatusStore and hydrateStatusStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('dehydrates answered codes to plain data and hydrates them into a new store', async () => {
    const first = setupStore(answer(() => ({ entries: [makeEntry()] })));
    await settle(first.store.get(SAMPLE_CODE));
    const saved = JSON.parse(JSON.stringify(dehydrateStatusStore(first.store))) as { queries: unknown[] };
    expect(saved.queries).toHaveLength(1);

    const second = setupStore(answer());
    hydrateStatusStore(second.store, { queries: [...saved.queries, { queryKey: ['credit-status', 'general', OTHER], queryHash: 'x', state: { data: { bogus: true }, dataUpdatedAt: 1 } }] });
    hydrateStatusStore(second.store, 'not a state');
    expect(second.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'black', stale: false });
    expect(second.store.peek(OTHER)).toBeNull();
    await settle(second.store.get(SAMPLE_CODE));
    expect(second.status).not.toHaveBeenCalled();
  });

  it('refetches a hydrated code on refreshAll', async () => {
    const first = setupStore(answer());
    await settle(first.store.get(SAMPLE_CODE));
    const second = setupStore(answer(() => ({ entries: [makeEntry()] })));
    hydrateStatusStore(second.store, JSON.parse(JSON.stringify(dehydrateStatusStore(first.store))));
    vi.setSystemTime(START.getTime() + 10 * 60_000);
    await settle(second.store.refreshAll());
    expect(second.status).toHaveBeenCalledTimes(1);
    expect(second.store.peek(SAMPLE_CODE)?.kind).toBe('black');
  });

  it('does not let a hydrated answer replace a newer one in the store', async () => {
    const old = setupStore(answer(() => ({ entries: [makeEntry()] })));
    await settle(old.store.get(SAMPLE_CODE));
    const saved = JSON.parse(JSON.stringify(dehydrateStatusStore(old.store))) as unknown;
    vi.setSystemTime(START.getTime() + 60_000);
    const { store } = setupStore(answer());
    await settle(store.get(SAMPLE_CODE));
    hydrateStatusStore(store, saved);
    expect(store.peek(SAMPLE_CODE)?.kind).toBe('clear');
  });

  it('hydrates answers of its own context only, keeping their age', async () => {
    const first = setupStore(answer(), { context: 'procurement' });
    await settle(first.store.get(SAMPLE_CODE));
    const saved = JSON.parse(JSON.stringify(dehydrateStatusStore(first.store))) as unknown;
    vi.setSystemTime(START.getTime() + 2 * 60_000);
    const other = setupStore(answer());
    hydrateStatusStore(other.store, saved);
    expect(other.store.peek(SAMPLE_CODE)).toBeNull();
    const same = setupStore(answer(), { context: 'procurement', freshnessMs: 60_000 });
    hydrateStatusStore(same.store, saved);
    expect(same.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: true });
    await settle(same.store.get(SAMPLE_CODE));
    expect(same.status).toHaveBeenCalledTimes(1);
  });
});

describe('persistStatusQuery', () => {
  it('writes the idle, answered query state that query-core dehydrated, keyed by root, context and code', () => {
    const data = makeStatusResult();
    expect(persistStatusQuery('procurement', SAMPLE_CODE, data, 1_772_330_400_000)).toEqual({
      queryKey: ['credit-status', 'procurement', SAMPLE_CODE],
      queryHash: `["credit-status","procurement","${SAMPLE_CODE}"]`,
      state: {
        data,
        dataUpdateCount: 1,
        dataUpdatedAt: 1_772_330_400_000,
        error: null,
        errorUpdateCount: 0,
        errorUpdatedAt: 0,
        fetchFailureCount: 0,
        fetchFailureReason: null,
        fetchMeta: null,
        isInvalidated: false,
        status: 'success',
        fetchStatus: 'idle',
      },
    });
  });
});

describe('readPersistedStatusQueries', () => {
  const data = makeStatusResult();
  // As the query-core based store saved it (extra fields, counts above 1).
  const savedByQueryCore = {
    queryKey: ['credit-status', 'general', SAMPLE_CODE],
    queryHash: `["credit-status","general","${SAMPLE_CODE}"]`,
    state: { data, dataUpdateCount: 2, dataUpdatedAt: 1_772_330_400_000, error: null, errorUpdateCount: 3, errorUpdatedAt: 0, fetchFailureCount: 0, fetchFailureReason: null, fetchMeta: null, isInvalidated: false, status: 'success', fetchStatus: 'idle' },
    dehydratedAt: 1_772_330_500_000,
  };

  it('reads answers saved by the query-core based store', () => {
    expect(readPersistedStatusQueries({ queries: [savedByQueryCore], mutations: [] }, 'general')).toEqual([
      { code: SAMPLE_CODE, data, updatedAt: 1_772_330_400_000 },
    ]);
  });

  it.each([
    ['another context', { ...savedByQueryCore, queryKey: ['credit-status', 'procurement', SAMPLE_CODE] }],
    ['another root', { ...savedByQueryCore, queryKey: ['subject', 'general', SAMPLE_CODE] }],
    ['an answer that fails the schema', { ...savedByQueryCore, state: { data: { ...data, found: 'yes' }, dataUpdatedAt: 1 } }],
    ['no time of answer', { ...savedByQueryCore, state: { data } }],
    ['no query hash', { queryKey: savedByQueryCore.queryKey, state: savedByQueryCore.state }],
  ])('drops an entry with %s', (_n, entry) => {
    expect(readPersistedStatusQueries({ queries: [entry, savedByQueryCore] }, 'general')).toHaveLength(1);
  });

  it.each([null, 'text', {}, { queries: 'none' }])('reads nothing from %j', (state) => {
    expect(readPersistedStatusQueries(state, 'general')).toEqual([]);
  });
});
