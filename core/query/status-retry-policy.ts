import { isCreditError } from '../api/credit-error.ts';

/**
 * query-core's `retry` for status queries: at most `retries` attempts after the first, and only
 * for transient CreditErrors (network, timeout, 5xx, 429) — never another 4xx, a schema error or
 * a bug.
 */
export const statusRetry =
  (retries: number) =>
  (failureCount: number, error: unknown): boolean =>
    failureCount < retries && isCreditError(error) && error.retryable;

/** query-core's `retryDelay`: 1 s, 2 s, 4 s … up to 30 s. */
export const statusRetryDelay = (attempt: number): number => Math.min(1000 * 2 ** attempt, 30_000);
