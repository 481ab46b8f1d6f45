import {
  QueryClient,
  QueryObserver,
  dehydrate,
  hydrate,
  type DehydratedState,
  type QueryKey,
  type QueryState,
} from '@tanstack/query-core';
import * as z from 'zod/mini';
import type { CheckContext } from '../api/check-context-schema.ts';
import type { CreditClient } from '../api/create-credit-client.ts';
import { isCreditError, type CreditError } from '../api/credit-error.ts';
import { StatusResultSchema, type StatusResult } from '../api/status-schema.ts';
import { computeVerdict, DEFAULT_FRESHNESS_MS } from '../verdict/compute-verdict.ts';
import { pendingVerdict } from '../verdict/local-verdict.ts';
import type { Verdict } from '../verdict/verdict-types.ts';
import { createStatusBatcher } from './create-status-batcher.ts';

export type CodeVerdict = Verdict & { result: StatusResult | null };

export interface StatusStoreOptions {
  client: CreditClient;
  queryClient?: QueryClient;
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
  /** Marks codes as changed (from the changes feed): watched ones refetch now, others on next `get`. */
  invalidate(codes: string[]): Promise<void>;
  refreshAll(): Promise<void>;
  /** Plain data holding answered codes only, for persisting across service-worker restarts. */
  dehydrate(): unknown;
  /** Restores `dehydrate()` output; entries that fail the schema are dropped. */
  hydrate(state: unknown): void;
}

const ROOT = 'credit-status';

/**
 * The cache between pages and the platform, on TanStack query-core: one query per code and
 * context, fetched through the batcher, fresh for `freshnessMs`, and turned into verdicts on the
 * way out so a failure is never mistaken for a clear answer.
 */
export function createStatusStore(opts: StatusStoreOptions): StatusStore {
  const queryClient = opts.queryClient ?? new QueryClient();
  const freshnessMs = opts.freshnessMs ?? DEFAULT_FRESHNESS_MS;
  const context = opts.context ?? 'general';
  const now = opts.now ?? (() => new Date());
  const maxRetries = opts.retries ?? 3;
  const recoveryMs = opts.recoveryIntervalMs ?? 30_000;
  const schedule = opts.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = opts.clearTimeout ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  const batcher = createStatusBatcher({
    fetchBatch: (codes) => opts.client.status(codes, { context }),
    ...(opts.maxBatch !== undefined && { maxBatch: opts.maxBatch }),
    ...(opts.windowMs !== undefined && { windowMs: opts.windowMs }),
    setTimeout: schedule,
    clearTimeout: cancel,
  });

  const prefix = [ROOT, context] as const;
  const keyOf = (code: string): QueryKey => [...prefix, code];
  // Defaults by key, so hydrated queries (which carry no function) can refetch too.
  queryClient.setQueryDefaults([...prefix], {
    queryFn: ({ queryKey }) => batcher.load(String(queryKey[2])),
    staleTime: freshnessMs,
    gcTime: Math.max(30 * 60_000, freshnessMs),
    networkMode: 'always',
    retry: (failures, error) => isCreditError(error) && error.retryable && failures < maxRetries,
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 30_000),
  });

  const stateOf = (code: string) => queryClient.getQueryState<StatusResult, Error>(keyOf(code));

  function toVerdict(state: QueryState<StatusResult, Error> | undefined): CodeVerdict {
    const result = state?.data ?? null;
    // A failed first attempt already shows `unknown` while query-core retries in the background.
    const error = state?.error ?? (result ? null : state?.fetchFailureReason) ?? null;
    if (!result && !error) return { ...pendingVerdict(), result: null };
    // computeVerdict also copes with a non-CreditError (a bug): it is `unknown` all the same.
    const verdict = computeVerdict({ result, error: error as CreditError | null, now: now(), freshnessMs });
    // An answer the changes feed has invalidated is no longer "just now", however young: stale until the refetch lands.
    if (result && state?.isInvalidated && !verdict.stale) return { ...verdict, stale: true, result };
    return { ...verdict, result };
  }

  const watched = new Map<string, number>();
  let recoveryTimer: unknown = null;

  function scheduleRecovery(): void {
    if (recoveryTimer !== null) return;
    const failing = [...watched.keys()].some((code) => stateOf(code)?.status === 'error');
    if (!failing) return;
    recoveryTimer = schedule(() => {
      recoveryTimer = null;
      void queryClient
        .refetchQueries({
          queryKey: [...prefix],
          predicate: (q) => q.state.status === 'error' && watched.has(String(q.queryKey[2])),
        })
        .finally(scheduleRecovery);
    }, recoveryMs);
  }

  return {
    async get(code) {
      try {
        await queryClient.fetchQuery({ queryKey: keyOf(code) });
      } catch {
        // The failure is in the query state and becomes an `unknown` verdict below.
      }
      return toVerdict(stateOf(code));
    },
    subscribe(code, listener) {
      const observer = new QueryObserver<StatusResult, Error>(queryClient, { queryKey: keyOf(code) });
      watched.set(code, (watched.get(code) ?? 0) + 1);
      const emit = (): void => {
        listener(toVerdict(stateOf(code)));
        scheduleRecovery();
      };
      const unsubscribe = observer.subscribe(emit);
      listener(toVerdict(stateOf(code)));
      return () => {
        unsubscribe();
        const left = (watched.get(code) ?? 1) - 1;
        if (left > 0) watched.set(code, left);
        else watched.delete(code);
        if (watched.size === 0 && recoveryTimer !== null) {
          cancel(recoveryTimer);
          recoveryTimer = null;
        }
      };
    },
    peek(code) {
      const state = stateOf(code);
      return state ? toVerdict(state) : null;
    },
    async invalidate(codes) {
      await Promise.all(codes.map((code) => queryClient.invalidateQueries({ queryKey: keyOf(code), exact: true })));
    },
    async refreshAll() {
      await queryClient.refetchQueries({ queryKey: [...prefix] });
    },
    dehydrate() {
      const state = dehydrate(queryClient, {
        shouldDehydrateQuery: (q) => q.queryKey[0] === ROOT && q.queryKey[1] === context && q.state.data !== undefined,
      });
      return { queries: state.queries.map((q) => ({ queryKey: q.queryKey, queryHash: q.queryHash, state: answeredState(q.state) })) };
    },
    hydrate(state) {
      hydrate(queryClient, { mutations: [], queries: validQueries(state, context) } as DehydratedState);
    },
  };
}

/** Keeps only the answer: errors do not survive serialization, and a restored query is idle. */
function answeredState(state: QueryState): QueryState {
  return {
    ...state,
    status: 'success',
    fetchStatus: 'idle',
    error: null,
    errorUpdatedAt: 0,
    fetchFailureCount: 0,
    fetchFailureReason: null,
    isInvalidated: false,
  };
}

const PersistedQuerySchema = z.object({
  queryKey: z.tuple([z.literal(ROOT), z.string(), z.string()]),
  queryHash: z.string(),
  state: z.object({ data: StatusResultSchema, dataUpdatedAt: z.number() }),
});

function validQueries(state: unknown, context: string): DehydratedState['queries'] {
  const queries = (state as { queries?: unknown } | null)?.queries;
  if (!Array.isArray(queries)) return [];
  return queries.filter((q) => {
    const parsed = z.safeParse(PersistedQuerySchema, q);
    return parsed.success && parsed.data.queryKey[1] === context;
  }).map((q) => ({ ...q, state: answeredState(q.state) }));
}
