/**
 * One answer per key, fetched once however many ask, fresh for a while, retried when the failure
 * is transient, and forgotten when nobody has watched it for a long time. Written for the status
 * store instead of TanStack query-core: the widget's script-tag build must stay under 25 KB gzip
 * (issue 5), and `new QueryClient()` alone bundles to 7.4 KB gzip. Timers are injected, the
 * clock is `Date.now()`.
 */

export interface AnswerState<T> {
  /** The last answer; kept through later failures, so it can still be named as the last known one. */
  readonly data: T | undefined;
  /** When `data` arrived (`Date.now()`), 0 without one. */
  readonly updatedAt: number;
  /** Why the last settled fetch failed, null after a success. A key without an answer loses it when fetched again. */
  readonly error: unknown;
  /** The latest attempt's failure while retries are still to come, else null. */
  readonly failure: unknown;
  /** Changed at the source since `data` arrived: stale whatever its age, until the refetch lands. */
  readonly invalidated: boolean;
  readonly fetching: boolean;
  /** Someone is subscribed to the key. */
  readonly watched: boolean;
}

export interface AnswerCacheOptions<T> {
  load: (key: string) => Promise<T>;
  /** Answers younger than this are served without fetching. */
  staleMs: number;
  /** An entry nobody watches is dropped this long after it was last settled or watched. */
  gcMs: number;
  /** Attempts after the first, for failures `shouldRetry` accepts; delays 1 s, 2 s, 4 s … up to 30 s. */
  retries: number;
  shouldRetry: (error: unknown) => boolean;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

export interface AnswerCache<T> {
  /** The key's state, or undefined when it was never asked for (or has been collected). */
  state(key: string): AnswerState<T> | undefined;
  keys(): string[];
  /** Settles once the key has a fresh answer or a failure; fetches only when stale and not already fetching. */
  fetch(key: string): Promise<void>;
  /** Fetches now, replacing a fetch in flight (whose answer may predate the reason to refetch). */
  refetch(key: string): Promise<void>;
  /** Marks the answer changed at the source; a watched or in-flight key refetches now, the promise settles with it. */
  invalidate(key: string): Promise<void>;
  /** Puts in an answer received earlier (restored from storage), unless the cache holds a newer one. */
  set(key: string, data: T, updatedAt: number): void;
  /** `listener` is called after every change of the key's state; the key is kept while subscribed. */
  subscribe(key: string, listener: () => void): () => void;
}

interface Entry<T> {
  data: T | undefined;
  updatedAt: number;
  error: unknown;
  failure: unknown;
  invalidated: boolean;
  run: Run | null;
  listeners: Set<() => void>;
  gcTimer: unknown;
}

interface Run {
  promise: Promise<void>;
  cancel(): void;
}

const retryDelay = (attempt: number): number => Math.min(1000 * 2 ** attempt, 30_000);

/** Creates an empty cache. */
export function createAnswerCache<T>(opts: AnswerCacheOptions<T>): AnswerCache<T> {
  const entries = new Map<string, Entry<T>>();

  function entryOf(key: string): Entry<T> {
    let entry = entries.get(key);
    if (!entry) {
      entry = { data: undefined, updatedAt: 0, error: null, failure: null, invalidated: false, run: null, listeners: new Set(), gcTimer: null };
      entries.set(key, entry);
      scheduleGc(key, entry);
    }
    return entry;
  }

  function scheduleGc(key: string, entry: Entry<T>): void {
    if (entry.gcTimer !== null) opts.clearTimeout(entry.gcTimer);
    entry.gcTimer = null;
    if (entry.listeners.size > 0) return;
    entry.gcTimer = opts.setTimeout(() => {
      entry.gcTimer = null;
      // A fetch in flight reschedules when it settles.
      if (entry.listeners.size === 0 && entry.run === null && entries.get(key) === entry) entries.delete(key);
    }, opts.gcMs);
  }

  function notify(entry: Entry<T>): void {
    // Over a copy, as listeners may subscribe (even themselves again) while we go through them;
    // one unsubscribed meanwhile is skipped.
    for (const listener of [...entry.listeners]) {
      if (!entry.listeners.has(listener)) continue;
      try {
        listener();
      } catch (error) {
        // One broken listener must not stop the others or the fetch: report it as unhandled.
        void Promise.reject(error);
      }
    }
  }

  const isStale = (entry: Entry<T>): boolean =>
    entry.data === undefined || entry.invalidated || Date.now() >= entry.updatedAt + opts.staleMs;

  /** Waits for the latest fetch, following any that replaced it meanwhile. */
  async function settled(entry: Entry<T>): Promise<void> {
    while (entry.run) await entry.run.promise;
  }

  function start(key: string, entry: Entry<T>): void {
    entry.run?.cancel();
    let cancelled = false;
    let timer: unknown = null;
    let wake = (): void => undefined;
    const run: Run = {
      promise: Promise.resolve(),
      cancel() {
        cancelled = true;
        if (timer !== null) opts.clearTimeout(timer);
        wake();
      },
    };
    entry.run = run;
    // Without an answer, a new attempt is "checking" again rather than the old failure.
    const changed = entry.failure !== null || (entry.data === undefined && entry.error !== null);
    entry.failure = null;
    if (entry.data === undefined) entry.error = null;
    if (changed) notify(entry);

    run.promise = (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          const data = await opts.load(key);
          if (cancelled) return;
          Object.assign(entry, { data, updatedAt: Date.now(), error: null, failure: null, invalidated: false });
          break;
        } catch (error) {
          if (cancelled) return;
          if (attempt >= opts.retries || !opts.shouldRetry(error)) {
            Object.assign(entry, { error, failure: null });
            break;
          }
          entry.failure = error;
          notify(entry);
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = opts.setTimeout(resolve, retryDelay(attempt));
          });
          timer = null;
          if (cancelled) return;
        }
      }
      entry.run = null;
      scheduleGc(key, entry);
      notify(entry);
    })();
  }

  function refetch(key: string): Promise<void> {
    const entry = entryOf(key);
    start(key, entry);
    return settled(entry);
  }

  return {
    state(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      const { data, updatedAt, error, failure, invalidated } = e;
      return { data, updatedAt, error, failure, invalidated, fetching: e.run !== null, watched: e.listeners.size > 0 };
    },
    keys: () => [...entries.keys()],
    fetch(key) {
      const entry = entryOf(key);
      if (!isStale(entry)) return Promise.resolve();
      if (entry.run === null) start(key, entry);
      return settled(entry);
    },
    refetch,
    invalidate(key) {
      const entry = entries.get(key);
      if (!entry) return Promise.resolve();
      entry.invalidated = true;
      notify(entry);
      return entry.listeners.size > 0 || entry.run ? refetch(key) : Promise.resolve();
    },
    set(key, data, updatedAt) {
      const entry = entryOf(key);
      if (entry.data !== undefined && entry.updatedAt >= updatedAt) return;
      Object.assign(entry, { data, updatedAt, error: null, failure: null, invalidated: false });
      notify(entry);
    },
    subscribe(key, listener) {
      const entry = entryOf(key);
      entry.listeners.add(listener);
      scheduleGc(key, entry);
      return () => {
        if (entry.listeners.delete(listener) && entry.listeners.size === 0) scheduleGc(key, entry);
      };
    },
  };
}
