import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dehydrateStatusQueries, hydrateStatusQueries, readPersistedStatusQueries } from '../../../../core/query/persisted-status-query.ts';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { answer, OTHER, settle, setupStore, SOURCE, START } from './status-store-fixture.ts';

/** What the extension writes to storage.session and reads back (JSON). */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('dehydrateStatusQueries and hydrateStatusQueries', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('returns the answers in a new query client after a dehydrate and hydrate, without asking again', async () => {
    const first = setupStore(answer(() => ({ entries: [makeEntry()] })));
    await settle(first.store.get(SAMPLE_CODE));
    const saved = roundTrip(dehydrateStatusQueries(first.queryClient, SOURCE)) as { queries: unknown[] };
    expect(saved.queries).toHaveLength(1);

    const second = setupStore(answer());
    const bogus = {
      queryKey: ['status', SOURCE.platform, SOURCE.tokenFingerprint, OTHER, 'general'],
      queryHash: 'x',
      state: { data: { bogus: true }, dataUpdatedAt: 1 },
    };
    hydrateStatusQueries(second.queryClient, SOURCE, { queries: [...saved.queries, bogus] });
    hydrateStatusQueries(second.queryClient, SOURCE, 'not a state');
    expect(second.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'black', stale: false });
    expect(second.store.peek(OTHER)).toBeNull();
    await settle(second.store.get(SAMPLE_CODE));
    expect(second.status).not.toHaveBeenCalled();
  });

  it('returns unknown after a restart for an answer whose refresh had failed, never its old verdict as current', async () => {
    const first = setupStore(answer());
    await settle(first.store.get(SAMPLE_CODE));
    first.setReply(() => new CreditError('offline', 'x'));
    await settle(first.store.refreshAll());
    expect(first.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'unknown', lastKnown: 'clear' });
    const saved = roundTrip(dehydrateStatusQueries(first.queryClient, SOURCE)) as { queries: { state: Record<string, unknown> }[] };
    expect(saved.queries[0]!.state).toMatchObject({ error: null, fetchFailureReason: null, status: 'success', fetchStatus: 'idle' });

    const second = setupStore(answer(() => ({ entries: [makeEntry()] })));
    hydrateStatusQueries(second.queryClient, SOURCE, saved);
    expect(second.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: true });
    await settle(second.store.get(SAMPLE_CODE));
    expect(second.status).toHaveBeenCalledTimes(1);
    expect(second.store.peek(SAMPLE_CODE)?.kind).toBe('black');
  });

  it('returns the refetched answer of a hydrated code on refreshAll', async () => {
    const first = setupStore(answer());
    await settle(first.store.get(SAMPLE_CODE));
    const second = setupStore(answer(() => ({ entries: [makeEntry()] })));
    hydrateStatusQueries(second.queryClient, SOURCE, roundTrip(dehydrateStatusQueries(first.queryClient, SOURCE)));
    vi.setSystemTime(START.getTime() + 10 * 60_000);
    await settle(second.store.refreshAll());
    expect(second.status).toHaveBeenCalledTimes(1);
    expect(second.store.peek(SAMPLE_CODE)?.kind).toBe('black');
  });

  it('keeps a newer answer in the client over a hydrated older one', async () => {
    const old = setupStore(answer(() => ({ entries: [makeEntry()] })));
    await settle(old.store.get(SAMPLE_CODE));
    const saved = roundTrip(dehydrateStatusQueries(old.queryClient, SOURCE));
    vi.setSystemTime(START.getTime() + 60_000);
    const { store, queryClient } = setupStore(answer());
    await settle(store.get(SAMPLE_CODE));
    hydrateStatusQueries(queryClient, SOURCE, saved);
    expect(store.peek(SAMPLE_CODE)?.kind).toBe('clear');
  });

  it('returns each context its own answers, keeping their age', async () => {
    const first = setupStore(answer(), { context: 'procurement' });
    await settle(first.store.get(SAMPLE_CODE));
    const saved = roundTrip(dehydrateStatusQueries(first.queryClient, SOURCE));
    vi.setSystemTime(START.getTime() + 2 * 60_000);
    const other = setupStore(answer());
    hydrateStatusQueries(other.queryClient, SOURCE, saved);
    expect(other.store.peek(SAMPLE_CODE)).toBeNull();
    const same = setupStore(answer(), { context: 'procurement', freshnessMs: 60_000 });
    hydrateStatusQueries(same.queryClient, SOURCE, saved);
    expect(same.store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: true });
    await settle(same.store.get(SAMPLE_CODE));
    expect(same.status).toHaveBeenCalledTimes(1);
  });

  it('returns nothing of another platform or token', async () => {
    const first = setupStore(answer());
    await settle(first.store.get(SAMPLE_CODE));
    const saved = roundTrip(dehydrateStatusQueries(first.queryClient, SOURCE));
    expect(readPersistedStatusQueries(saved, { ...SOURCE, tokenFingerprint: 'token:1' })).toEqual([]);
    expect(readPersistedStatusQueries(saved, { ...SOURCE, platform: 'http://other.test' })).toEqual([]);
    expect(dehydrateStatusQueries(first.queryClient, { ...SOURCE, platform: 'http://other.test' }).queries).toEqual([]);
  });
});

describe('readPersistedStatusQueries', () => {
  const data = makeStatusResult();
  // As the previous version (its own cache, in the shape query-core once wrote) saved it.
  const savedByPreviousVersion = {
    queryKey: ['credit-status', 'procurement', SAMPLE_CODE],
    queryHash: `["credit-status","procurement","${SAMPLE_CODE}"]`,
    state: {
      data,
      dataUpdateCount: 2,
      dataUpdatedAt: 1_772_330_400_000,
      error: null,
      errorUpdateCount: 3,
      errorUpdatedAt: 0,
      fetchFailureCount: 0,
      fetchFailureReason: null,
      fetchMeta: null,
      isInvalidated: false,
      status: 'success',
      fetchStatus: 'idle',
    },
    dehydratedAt: 1_772_330_500_000,
  };
  const newKey = ['status', SOURCE.platform, SOURCE.tokenFingerprint, SAMPLE_CODE, 'procurement'];

  it('returns an entry of the previous version under the new key', () => {
    expect(readPersistedStatusQueries({ queries: [savedByPreviousVersion], mutations: [] }, SOURCE)).toEqual([
      expect.objectContaining({
        queryKey: newKey,
        queryHash: JSON.stringify(newKey),
        state: expect.objectContaining({ data, dataUpdatedAt: 1_772_330_400_000, status: 'success' }),
      }),
    ]);
  });

  it('returns the previous version’s answer from a store in the new query client', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_772_330_400_000 + 60_000);
    try {
      const { store, queryClient } = setupStore(answer(), { context: 'procurement' });
      hydrateStatusQueries(queryClient, SOURCE, { queries: [savedByPreviousVersion] });
      expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['another root', { ...savedByPreviousVersion, queryKey: ['subject', 'general', SAMPLE_CODE] }],
    ['an unknown context', { ...savedByPreviousVersion, queryKey: ['credit-status', 'nowhere', SAMPLE_CODE] }],
    ['an answer that fails the schema', { ...savedByPreviousVersion, state: { data: { ...data, found: 'yes' }, dataUpdatedAt: 1 } }],
    ['no time of answer', { ...savedByPreviousVersion, state: { data } }],
    ['an old entry without its query hash', { queryKey: savedByPreviousVersion.queryKey, state: savedByPreviousVersion.state }],
    ['a new key of too few parts', { queryKey: ['status', SOURCE.platform, SOURCE.tokenFingerprint, SAMPLE_CODE], state: savedByPreviousVersion.state }],
  ])('drops an entry with %s', (_n, entry) => {
    expect(readPersistedStatusQueries({ queries: [entry, savedByPreviousVersion] }, SOURCE)).toHaveLength(1);
  });

  it.each([null, 'text', {}, { queries: 'none' }])('returns nothing from %j', (state) => {
    expect(readPersistedStatusQueries(state, SOURCE)).toEqual([]);
  });
});
