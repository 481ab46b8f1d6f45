import { CreditError, isCreditError } from '../api/credit-error.ts';
import { isStatusErrorResult, type StatusResponse, type StatusResult } from '../api/status-schema.ts';

export interface StatusBatcherOptions {
  fetchBatch: (codes: string[]) => Promise<StatusResponse>;
  /** Most codes per request. Default 100. */
  maxBatch?: number;
  /** How long to collect codes before sending. Default 20 ms. */
  windowMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

export interface StatusBatcher {
  /** The platform's answer for one code; rejects with a CreditError when it could not be had. */
  load(code: string): Promise<StatusResult>;
}

interface Waiter {
  promise: Promise<StatusResult>;
  resolve: (r: StatusResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Collects the codes a page asks for within a short window into few `POST /status` requests:
 * a page that shows 300 codes makes 3 requests, not 300. The same code asked twice in one window
 * is sent once and both callers get the same answer.
 */
export function createStatusBatcher(opts: StatusBatcherOptions): StatusBatcher {
  const maxBatch = Math.max(1, opts.maxBatch ?? 100);
  const windowMs = opts.windowMs ?? 20;
  const schedule = opts.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = opts.clearTimeout ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  let queue = new Map<string, Waiter>();
  let timer: unknown = null;

  function flush(): void {
    if (timer !== null) cancel(timer);
    timer = null;
    const batch = [...queue];
    queue = new Map();
    for (let i = 0; i < batch.length; i += maxBatch) void send(batch.slice(i, i + maxBatch));
  }

  async function send(batch: [string, Waiter][]): Promise<void> {
    let response: StatusResponse;
    try {
      response = await opts.fetchBatch(batch.map(([code]) => code));
    } catch (cause) {
      const error = isCreditError(cause) ? cause : new CreditError('schema', 'the status batch failed unexpectedly', { cause });
      for (const [, waiter] of batch) waiter.reject(error);
      return;
    }
    const byCode = new Map(response.results.map((r) => [r.code, r]));
    for (const [code, waiter] of batch) {
      const result = byCode.get(code) ?? byCode.get(code.trim().toUpperCase());
      // A per-code error (the platform could not answer this code within the contract) is a failed check: unknown.
      if (result && isStatusErrorResult(result))
        waiter.reject(new CreditError('schema', `the platform could not answer code ${code}: ${result.error.message}`));
      else if (result) waiter.resolve(result);
      else waiter.reject(new CreditError('schema', `the platform's answer left out code ${code}`));
    }
  }

  return {
    load(code) {
      const queued = queue.get(code);
      if (queued) return queued.promise;
      let resolve!: Waiter['resolve'];
      let reject!: Waiter['reject'];
      const promise = new Promise<StatusResult>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      queue.set(code, { promise, resolve, reject });
      if (queue.size >= maxBatch) flush();
      else if (timer === null) timer = schedule(flush, windowMs);
      return promise;
    },
  };
}
