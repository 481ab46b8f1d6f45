import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnswerCache, type AnswerCacheOptions } from '../../../../core/query/create-answer-cache.ts';

const START = new Date('2026-03-01T02:00:00.000Z');

class Transient extends Error {}

/** A load whose every call waits until the test answers or fails it. */
function controlledLoad() {
  const calls: { key: string; at: number; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const load = vi.fn(
    (key: string) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ key, at: Date.now(), resolve, reject });
      }),
  );
  return { load, calls, last: () => calls.at(-1)! };
}

function setup(options: Partial<AnswerCacheOptions<string>> = {}) {
  const control = controlledLoad();
  const cache = createAnswerCache<string>({
    load: control.load,
    staleMs: 60_000,
    gcMs: 30 * 60_000,
    retries: 0,
    shouldRetry: (e) => e instanceof Transient,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    ...options,
  });
  return { cache, ...control };
}

/** Lets promise callbacks run. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('createAnswerCache', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('shares one fetch in flight between everyone asking for the key', async () => {
    const { cache, load, last } = setup();
    const first = cache.fetch('a');
    await vi.advanceTimersByTimeAsync(5_000);
    const second = cache.fetch('a');
    const seen = vi.fn();
    cache.subscribe('a', seen);
    expect(load).toHaveBeenCalledTimes(1);
    last().resolve('answer');
    await Promise.all([first, second]);
    expect(cache.state('a')).toMatchObject({ data: 'answer', fetching: false, error: null });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('serves a fresh answer without fetching and fetches a stale one', async () => {
    const { cache, load, last } = setup();
    const first = cache.fetch('a');
    last().resolve('one');
    await first;
    vi.setSystemTime(START.getTime() + 59_999);
    await cache.fetch('a');
    expect(load).toHaveBeenCalledTimes(1);
    vi.setSystemTime(START.getTime() + 60_000);
    void cache.fetch('a');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('replaces a fetch in flight on refetch, ignoring the older answer when it lands late', async () => {
    const { cache, load, calls } = setup();
    const first = cache.fetch('a');
    const again = cache.refetch('a');
    expect(load).toHaveBeenCalledTimes(2);
    let firstDone = false;
    void first.then(() => (firstDone = true));
    calls[1]!.resolve('newer');
    calls[0]!.resolve('older');
    await again;
    await flush();
    expect(firstDone).toBe(true);
    expect(cache.state('a')?.data).toBe('newer');
  });

  it('makes a waiting fetch follow the refetch that replaced it', async () => {
    const { cache, calls } = setup();
    let done = false;
    void cache.fetch('a').then(() => (done = true));
    void cache.refetch('a');
    calls[0]!.resolve('older');
    await flush();
    expect(done).toBe(false);
    calls[1]!.resolve('newer');
    await flush();
    expect(done).toBe(true);
  });

  it('retries transient failures after 1 s, 2 s, 4 s … capped at 30 s, and shows the failure while retrying', async () => {
    const at: number[] = [];
    const load = vi.fn(async () => {
      at.push(Date.now());
      throw new Transient(`attempt ${at.length}`);
    });
    const { cache } = setup({ retries: 6, load });
    const done = cache.fetch('a');
    await flush();
    expect(cache.state('a')).toMatchObject({ fetching: true, error: null, failure: { message: 'attempt 1' } });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await done;
    expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
    expect(cache.state('a')).toMatchObject({ fetching: false, failure: null, error: { message: 'attempt 7' } });
  });

  it('does not retry a failure shouldRetry refuses', async () => {
    const { cache, load, last } = setup({ retries: 3 });
    const done = cache.fetch('a');
    last().reject(new Error('bad request'));
    await done;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.state('a')?.error).toEqual(new Error('bad request'));
  });

  it('keeps the last answer through a failed refetch and forgets the failure of a key without one when it is fetched again', async () => {
    const { cache, calls } = setup();
    const a = cache.fetch('a');
    const b = cache.fetch('b');
    calls[0]!.resolve('answer');
    calls[1]!.reject(new Error('down'));
    await Promise.all([a, b]);
    const refetched = cache.refetch('a');
    calls[2]!.reject(new Error('down'));
    await refetched;
    expect(cache.state('a')).toMatchObject({ data: 'answer', error: { message: 'down' } });
    void cache.refetch('a');
    void cache.fetch('b');
    expect(cache.state('a')?.error).toEqual(new Error('down'));
    expect(cache.state('b')).toMatchObject({ error: null, fetching: true });
  });

  it('marks an invalidated answer and refetches it at once only when watched', async () => {
    const { cache, load, calls } = setup();
    const a = cache.fetch('a');
    const b = cache.fetch('b');
    calls[0]!.resolve('a1');
    calls[1]!.resolve('b1');
    await Promise.all([a, b]);
    const stop = cache.subscribe('a', () => undefined);
    let settled = false;
    void Promise.all([cache.invalidate('a'), cache.invalidate('b'), cache.invalidate('never-asked')]).then(() => (settled = true));
    expect(load).toHaveBeenCalledTimes(3);
    expect(cache.state('b')).toMatchObject({ invalidated: true, fetching: false });
    await flush();
    expect(settled).toBe(false);
    calls[2]!.resolve('a2');
    await flush();
    expect(settled).toBe(true);
    expect(cache.state('a')).toMatchObject({ data: 'a2', invalidated: false });
    void cache.fetch('b');
    expect(load).toHaveBeenCalledTimes(4);
    stop();
  });

  it('restores an older answer only where the cache has none newer', async () => {
    const { cache, last } = setup();
    const a = cache.fetch('a');
    last().resolve('live');
    await a;
    cache.set('a', 'saved', START.getTime() - 1);
    cache.set('b', 'saved', START.getTime() - 1);
    expect(cache.state('a')?.data).toBe('live');
    expect(cache.state('b')).toMatchObject({ data: 'saved', updatedAt: START.getTime() - 1 });
    cache.set('a', 'later', START.getTime() + 1);
    expect(cache.state('a')?.data).toBe('later');
  });

  it('forgets a key nobody watches gcMs after it settled, and keeps a watched one', async () => {
    const { cache, calls } = setup();
    const a = cache.fetch('a');
    const b = cache.fetch('b');
    const stop = cache.subscribe('b', () => undefined);
    calls[0]!.resolve('a');
    calls[1]!.resolve('b');
    await Promise.all([a, b]);
    await vi.advanceTimersByTimeAsync(30 * 60_000 - 1);
    expect(cache.keys()).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(1);
    expect(cache.keys()).toEqual(['b']);
    await vi.advanceTimersByTimeAsync(2 * 60 * 60_000);
    stop();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(cache.keys()).toEqual([]);
  });

  it('does not forget a key while its fetch is in flight', async () => {
    const { cache, last } = setup({ gcMs: 1_000 });
    const a = cache.fetch('a');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cache.state('a')?.fetching).toBe(true);
    last().resolve('late');
    await a;
    expect(cache.state('a')?.data).toBe('late');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cache.state('a')).toBeUndefined();
  });

  it('skips a listener that an earlier one unsubscribed during the same change', async () => {
    const { cache, last } = setup();
    const calls: string[] = [];
    let stopSecond = (): void => undefined;
    const stopFirst = cache.subscribe('a', () => {
      calls.push('first');
      stopSecond();
    });
    stopSecond = cache.subscribe('a', () => calls.push('second'));
    const stopThird = cache.subscribe('a', () => calls.push('third'));
    const a = cache.fetch('a');
    last().resolve('answer');
    await a;
    expect(calls).toEqual(['first', 'third']);
    stopFirst();
    stopThird();
  });

  it('calls a listener that subscribes itself again during the call once per change', async () => {
    const { cache, last } = setup();
    let calls = 0;
    let stop = (): void => undefined;
    const listener = (): void => {
      calls += 1;
      if (calls > 10) return;
      stop();
      stop = cache.subscribe('a', listener);
    };
    stop = cache.subscribe('a', listener);
    const a = cache.fetch('a');
    last().resolve('answer');
    await a;
    expect(calls).toBe(1);
    cache.set('a', 'again', Date.now() + 1);
    expect(calls).toBe(2);
    stop();
  });
});
