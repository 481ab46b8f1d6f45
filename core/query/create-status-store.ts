import { hashKey, type Query, type QueryClient, type QueryObserver, type QueryState } from '@tanstack/query-core';
import type { CheckContext } from '../api/check-context-schema.ts';
import type { StatusClient } from '../api/create-status-client.ts';
import type { CreditError } from '../api/credit-error.ts';
import type { StatusResult } from '../api/status-schema.ts';
import { computeVerdict, DEFAULT_FRESHNESS_MS } from '../verdict/compute-verdict.ts';
import { pendingVerdict } from '../verdict/local-verdict.ts';
import type { Verdict } from '../verdict/verdict-types.ts';
import { createStatusBatcher, type StatusBatcher } from './create-status-batcher.ts';
import { statusQueryKey, statusQueryPrefix, type StatusSource } from './status-query-key.ts';
import { statusRetry, statusRetryDelay } from './status-retry-policy.ts';

export type CodeVerdict = Verdict & { result: StatusResult | null };

export interface StatusStoreOptions {
  /** The runtime's one query client (created by the caller, never at import time). */
  queryClient: QueryClient;
  /** The platform and credentials the answers come from: the prefix of every key. */
  source: StatusSource;
  /** Only `status` is used; the full `CreditClient` is one too. */
  client: StatusClient;
  /** Answers younger than this are not fetched again, and older ones are shown as stale. Default 5 min. */
  freshnessMs?: number;
  context?: CheckContext;
  now?: () => Date;
  /** Query-level retries for transient CreditErrors (on top of the client's own). Default 3. */
  retries?: number;
  /** While a subscribed code is unknown after a failure, refetch it this often. Default 30 s. */
  recoveryIntervalMs?: number;
  /** Passed to the batcher. */
  maxBatch?: number;
  windowMs?: number;
  /** The batcher's and the recovery timer's (query-core's own timers are the global ones). */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

export interface StatusStore {
  /** The verdict for a code, fetched if not fresh; never throws (a failure is `unknown`). */
  get(code: string): Promise<CodeVerdict>;
  /** Calls `listener` now and on every change (checking → answered, refetch after invalidation or outage). */
  subscribe(code: string, listener: (v: CodeVerdict) => void): () => void;
  /** The verdict from the cache without fetching, or null when the code was never asked for. */
  peek(code: string): CodeVerdict | null;
  /**
   * The codes are being shown again (a page load, a card opened, a batch): those whose answer is
   * older than the freshness window (or invalidated) are asked again now, unless already being asked.
   */
  refreshStale(codes: Iterable<string>): void;
  /** Marks codes as changed (from the changes feed), in every context: watched ones refetch now, others on next `get`. */
  invalidate(codes: string[]): Promise<void>;
  /** Refetches every code of this context that has an answer or a failure. */
  refreshAll(): Promise<void>;
  /** The context this store answers for. */
  readonly context: CheckContext;
  readonly source: StatusSource;
  /** Forgets every answer of this source (the platform or the token changed); the store is done: a `get` still waiting answers `pending`. */
  clear(): void;
}

type StatusQuery = Query<StatusResult, unknown, StatusResult, readonly unknown[]>;

const noop = (): void => undefined;

/**
 * The cache between pages and the platform, on TanStack query-core: one query per code and
 * context, keyed `['status', platform, tokenFingerprint, code, context]`, fetched through the
 * batcher (the query function), fresh for `freshnessMs`, retried by query-core, and turned into
 * verdicts on the way out so a failure is never mistaken for a clear answer.
 */
export function createStatusStore(opts: StatusStoreOptions): StatusStore {
  const { queryClient, source } = opts;
  const cache = queryClient.getQueryCache();
  const freshnessMs = opts.freshnessMs ?? DEFAULT_FRESHNESS_MS;
  const context = opts.context ?? 'general';
  const now = opts.now ?? (() => new Date());
  const recoveryMs = opts.recoveryIntervalMs ?? 30_000;
  const schedule = opts.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = opts.clearTimeout ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  const prefix = statusQueryPrefix(source);
  // One batcher per context: a request carries one context. The defaults are per source, so the
  // query function serves every context of it; a later store of the same source replaces them
  // (same platform, same credentials: its client answers the same).
  const batchers = new Map<string, StatusBatcher>();
  const batcher = (ctx: CheckContext): StatusBatcher => {
    let b = batchers.get(ctx);
    if (!b) {
      b = createStatusBatcher({
        fetchBatch: (codes) => opts.client.status(codes, { context: ctx }),
        ...(opts.maxBatch !== undefined && { maxBatch: opts.maxBatch }),
        ...(opts.windowMs !== undefined && { windowMs: opts.windowMs }),
        setTimeout: schedule,
        clearTimeout: cancel,
      });
      batchers.set(ctx, b);
    }
    return b;
  };
  queryClient.setQueryDefaults(prefix, {
    // Only `queryKey` is read: reading `signal` would make query-core cancel a fetch nobody watches.
    queryFn: ({ queryKey }) => batcher(queryKey[4] as CheckContext).load(queryKey[3] as string),
    staleTime: freshnessMs,
    gcTime: Math.max(30 * 60_000, freshnessMs),
    // Offline is an answer (`unknown`), never a fetch paused until the network returns.
    networkMode: 'always',
    retry: statusRetry(opts.retries ?? 3),
    retryDelay: statusRetryDelay,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  const keyOf = (code: string) => statusQueryKey(source, code, context);
  const optionsOf = (code: string) => queryClient.defaultQueryOptions({ queryKey: keyOf(code) });
  const find = (code: string): StatusQuery | undefined => cache.get(hashKey(keyOf(code)));
  const build = (code: string): StatusQuery => cache.build(queryClient, optionsOf(code)) as unknown as StatusQuery;

  /** Fetches unless the answer is fresh; a fetch in flight is shared (and followed if it is replaced). */
  function fetchIfStale(code: string): Promise<unknown> {
    return queryClient.fetchQuery({ queryKey: keyOf(code) }).catch(noop);
  }

  /** Fetches now. query-core would hand back a first fetch still in flight, whose answer may predate the reason to refetch: it is replaced, and its waiters follow the new one. */
  function refetch(query: StatusQuery): Promise<unknown> {
    if (query.state.fetchStatus !== 'idle') void query.cancel({ silent: true });
    return query.fetch(queryClient.defaultQueryOptions({ queryKey: query.queryKey })).catch(noop);
  }

  function toVerdict(state: QueryState<StatusResult, unknown> | undefined): CodeVerdict {
    const result = state?.data ?? null;
    // A failed first attempt already shows `unknown` while query-core retries (`fetchFailureReason`
    // of the `failed` action) — also for an answer past the freshness window: it may not pass for
    // current while retries run.
    const expired = state !== undefined && result !== null && (state.isInvalidated || Date.now() >= state.dataUpdatedAt + freshnessMs);
    const error = state?.error ?? (result && !expired ? null : state?.fetchFailureReason) ?? null;
    if (!result && !error) return { ...pendingVerdict(), result: null };
    // computeVerdict also copes with a non-CreditError (a bug): it is `unknown` all the same.
    const verdict = computeVerdict({ result, error: error as CreditError | null, now: now(), freshnessMs });
    // An answer the changes feed has invalidated is no longer "just now", however young: stale until the refetch lands.
    if (result && state?.isInvalidated && !verdict.stale) return { ...verdict, stale: true, result };
    return { ...verdict, result };
  }

  // Listeners per query hash, called synchronously from the query cache's `updated` events
  // (observers would be called through notifyManager's setTimeout(0)).
  const listeners = new Map<string, Set<() => void>>();
  let unsubscribeCache: (() => void) | null = null;
  let recoveryTimer: unknown = null;
  let cleared = false;

  function notify(hash: string): void {
    const set = listeners.get(hash);
    if (!set) return;
    // Over a copy, as listeners may subscribe while we go through them; one unsubscribed meanwhile is skipped.
    for (const listener of [...set]) {
      if (!set.has(listener)) continue;
      try {
        listener();
      } catch (error) {
        // One broken listener must not stop the others or the fetch: report it as unhandled.
        void Promise.reject(error);
      }
    }
  }

  /** Starts the recovery timer when `query` is watched and failing; each round refetches every such query. */
  function scheduleRecovery(query: StatusQuery): void {
    if (recoveryTimer !== null || query.state.error == null) return;
    recoveryTimer = schedule(() => {
      recoveryTimer = null;
      // A query already being fetched (retrying) is left to finish. Every settled fetch notifies its
      // subscribers, which starts the next round while the code still fails.
      for (const hash of listeners.keys()) {
        const q = cache.get(hash) as StatusQuery | undefined;
        if (q && q.state.error != null && q.state.fetchStatus === 'idle') void refetch(q);
      }
    }, recoveryMs);
  }

  return {
    async get(code) {
      // A fetch replaced by a refetch is followed by query-core; a query removed meanwhile (another
      // store of the same source cleared it) is asked again, a bounded number of times. A cleared
      // store answers `pending`: its caller asks the store that replaced it.
      let verdict = pendingVerdict() as CodeVerdict;
      for (let round = 0; round < 3 && !cleared; round++) {
        await fetchIfStale(code);
        verdict = toVerdict(find(code)?.state);
        if (verdict.kind !== 'pending') break;
      }
      return cleared ? { ...pendingVerdict(), result: null } : verdict;
    },
    subscribe(code, listener) {
      const query = build(code);
      // A stand-in observer: it keeps the query from being collected while watched and asks for
      // no refetch on focus or reconnect (query-core's QueryObserver would notify a tick late).
      const watcher = {
        options: {},
        onQueryUpdate: noop,
        getCurrentResult: () => ({ isStale: query.isStaleByTime(freshnessMs) }),
        shouldFetchOnWindowFocus: () => false,
        shouldFetchOnReconnect: () => false,
      } as unknown as QueryObserver;
      query.addObserver(watcher);
      // Fetch first: a code that failed before is `pending` again, not its old failure.
      void fetchIfStale(code);
      const call = (): void => {
        const current = cache.get(query.queryHash) as StatusQuery | undefined;
        listener(toVerdict(current?.state));
        if (current) scheduleRecovery(current);
      };
      let set = listeners.get(query.queryHash);
      if (!set) listeners.set(query.queryHash, (set = new Set()));
      set.add(call);
      unsubscribeCache ??= cache.subscribe((event) => {
        if (event.type === 'updated') notify(event.query.queryHash);
      });
      call();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        query.removeObserver(watcher);
        // The last observer leaving stops query-core's retries; a fetch nobody watches still finishes them.
        if (query.state.fetchStatus !== 'idle' && cache.get(query.queryHash) === query) void query.fetch().catch(noop);
        set.delete(call);
        if (set.size === 0) listeners.delete(query.queryHash);
        if (listeners.size === 0) {
          unsubscribeCache?.();
          unsubscribeCache = null;
          if (recoveryTimer !== null) cancel(recoveryTimer);
          recoveryTimer = null;
        }
      };
    },
    refreshStale(codes) {
      for (const code of codes) void fetchIfStale(code);
    },
    peek(code) {
      const query = find(code);
      return query ? toVerdict(query.state) : null;
    },
    async invalidate(codes) {
      await Promise.all(
        codes.map(async (code) => {
          const filters = { queryKey: [...prefix, code] };
          // Marked stale in every context (listeners hear it at once); the refetch below is ours.
          await queryClient.invalidateQueries({ ...filters, refetchType: 'none' });
          // Refetched at once: watched queries, and one in flight whose answer may predate the change.
          const due = cache.findAll(filters).filter((q) => q.getObserversCount() > 0 || q.state.fetchStatus !== 'idle');
          await Promise.all(due.map((q) => refetch(q as unknown as StatusQuery)));
        }),
      );
    },
    async refreshAll() {
      const answered = cache
        .findAll({ queryKey: [...prefix] })
        .filter((q) => q.queryKey[4] === context && (q.state.data !== undefined || q.state.error != null));
      await Promise.all(answered.map((q) => refetch(q as unknown as StatusQuery)));
    },
    context,
    source,
    clear() {
      cleared = true;
      queryClient.removeQueries({ queryKey: [...prefix] });
    },
  };
}
