import type { CheckContext } from '../api/check-context-schema.ts';
import type { StatusClient } from '../api/create-status-client.ts';
import { isCreditError, type CreditError } from '../api/credit-error.ts';
import type { StatusResult } from '../api/status-schema.ts';
import { computeVerdict, DEFAULT_FRESHNESS_MS } from '../verdict/compute-verdict.ts';
import { pendingVerdict } from '../verdict/local-verdict.ts';
import type { Verdict } from '../verdict/verdict-types.ts';
import { createAnswerCache, type AnswerState } from './create-answer-cache.ts';
import { createStatusBatcher } from './create-status-batcher.ts';

export type CodeVerdict = Verdict & { result: StatusResult | null };

export interface StatusStoreOptions {
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
  /** Marks codes as changed (from the changes feed): watched ones refetch now, others on next `get`. */
  invalidate(codes: string[]): Promise<void>;
  /** Refetches every code that has an answer or a failure. */
  refreshAll(): Promise<void>;
  /** The context this store answers for. */
  readonly context: CheckContext;
  /** Every answered code with its answer and when it was given (persisted by persisted-status-query.ts). */
  answers(): StoredAnswer[];
  /** Puts earlier answers back; an answer that is newer in the store is kept. */
  restore(answers: readonly StoredAnswer[]): void;
}

/** One answer as kept across service-worker restarts. */
export interface StoredAnswer {
  code: string;
  data: StatusResult;
  updatedAt: number;
}

/**
 * The cache between pages and the platform: one answer per code (per store, and a store serves
 * one context), fetched through the batcher, fresh for `freshnessMs`, and turned into verdicts on
 * the way out so a failure is never mistaken for a clear answer.
 */
export function createStatusStore(opts: StatusStoreOptions): StatusStore {
  const freshnessMs = opts.freshnessMs ?? DEFAULT_FRESHNESS_MS;
  const context = opts.context ?? 'general';
  const now = opts.now ?? (() => new Date());
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
  const cache = createAnswerCache<StatusResult>({
    load: (code) => batcher.load(code),
    staleMs: freshnessMs,
    gcMs: Math.max(30 * 60_000, freshnessMs),
    retries: opts.retries ?? 3,
    shouldRetry: (error) => isCreditError(error) && error.retryable,
    setTimeout: schedule,
    clearTimeout: cancel,
  });

  function toVerdict(state: AnswerState<StatusResult> | undefined): CodeVerdict {
    const result = state?.data ?? null;
    // A failed first attempt already shows `unknown` while the cache retries in the background —
    // also for an answer past the freshness window: it may not pass for current while retries run.
    const expired = state !== undefined && result !== null && (state.invalidated || Date.now() >= state.updatedAt + freshnessMs);
    const error = state?.error ?? (result && !expired ? null : state?.failure) ?? null;
    if (!result && !error) return { ...pendingVerdict(), result: null };
    // computeVerdict also copes with a non-CreditError (a bug): it is `unknown` all the same.
    const verdict = computeVerdict({ result, error: error as CreditError | null, now: now(), freshnessMs });
    // An answer the changes feed has invalidated is no longer "just now", however young: stale until the refetch lands.
    if (result && state?.invalidated && !verdict.stale) return { ...verdict, stale: true, result };
    return { ...verdict, result };
  }

  let subscriptions = 0;
  let recoveryTimer: unknown = null;

  /** Starts the recovery timer when `code` is watched and failing; each round refetches every such code. */
  function scheduleRecovery(code: string): void {
    if (recoveryTimer !== null || cache.state(code)?.error == null) return;
    recoveryTimer = schedule(() => {
      recoveryTimer = null;
      // A code already being fetched (retrying) is left to finish. Every settled fetch notifies its
      // subscribers, which starts the next round while the code still fails.
      for (const c of cache.keys()) {
        const state = cache.state(c);
        if (state?.watched && state.error != null && !state.fetching) void cache.refetch(c);
      }
    }, recoveryMs);
  }

  return {
    async get(code) {
      await cache.fetch(code);
      return toVerdict(cache.state(code));
    },
    subscribe(code, listener) {
      // Fetch first: a code that failed before is `pending` again, not its old failure.
      void cache.fetch(code);
      const unsubscribe = cache.subscribe(code, () => {
        listener(toVerdict(cache.state(code)));
        scheduleRecovery(code);
      });
      subscriptions += 1;
      listener(toVerdict(cache.state(code)));
      scheduleRecovery(code);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        unsubscribe();
        subscriptions -= 1;
        if (subscriptions === 0 && recoveryTimer !== null) {
          cancel(recoveryTimer);
          recoveryTimer = null;
        }
      };
    },
    refreshStale(codes) {
      for (const code of codes) void cache.fetch(code);
    },
    peek(code) {
      const state = cache.state(code);
      return state ? toVerdict(state) : null;
    },
    async invalidate(codes) {
      await Promise.all(codes.map((code) => cache.invalidate(code)));
    },
    async refreshAll() {
      const answered = cache.keys().filter((code) => {
        const state = cache.state(code);
        return state?.data !== undefined || state?.error != null;
      });
      await Promise.all(answered.map((code) => cache.refetch(code)));
    },
    context,
    answers() {
      return cache.keys().flatMap((code) => {
        const state = cache.state(code);
        return state?.data ? [{ code, data: state.data, updatedAt: state.updatedAt }] : [];
      });
    },
    restore(answers) {
      for (const { code, data, updatedAt } of answers) cache.set(code, data, updatedAt);
    },
  };
}
