/**
 * How one cached answer is persisted across service-worker restarts. The shape is the one TanStack
 * query-core's `dehydrate()` wrote while the store was built on it, so caches saved by earlier
 * versions restore, and the other state fields are those of an idle, answered query. Errors are
 * never persisted: they do not serialize.
 */
import * as z from 'zod/mini';
import { StatusResultSchema, type StatusResult } from '../api/status-schema.ts';
import type { StatusStore, StoredAnswer } from './create-status-store.ts';

const ROOT = 'credit-status';

export const PersistedQuerySchema = z.object({
  queryKey: z.tuple([z.literal(ROOT), z.string(), z.string()]),
  queryHash: z.string(),
  state: z.object({ data: StatusResultSchema, dataUpdatedAt: z.number() }),
});

/**
 * A store's answers as plain data, for persisting across service-worker restarts. Kept apart
 * from the store so a page that never persists (the widget) does not carry this schema.
 */
export function dehydrateStatusStore(store: StatusStore): { queries: ReturnType<typeof persistStatusQuery>[] } {
  return { queries: store.answers().map((a) => persistStatusQuery(store.context, a.code, a.data, a.updatedAt)) };
}

/** Restores `dehydrateStatusStore` output; entries that fail the schema, or belong to another context, are dropped. */
export function hydrateStatusStore(store: StatusStore, state: unknown): void {
  store.restore(readPersistedStatusQueries(state, store.context));
}

/** The persisted form of one answer. */
export function persistStatusQuery(context: string, code: string, data: StatusResult, updatedAt: number) {
  const queryKey = [ROOT, context, code];
  return {
    queryKey,
    queryHash: JSON.stringify(queryKey),
    state: {
      data,
      dataUpdateCount: 1,
      dataUpdatedAt: updatedAt,
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
  };
}

/** The answers of `context` in a persisted `{ queries }` state; entries that fail the schema are dropped. */
export function readPersistedStatusQueries(state: unknown, context: string): StoredAnswer[] {
  const queries = (state as { queries?: unknown } | null)?.queries;
  if (!Array.isArray(queries)) return [];
  return queries.flatMap((q: unknown) => {
    const parsed = z.safeParse(PersistedQuerySchema, q);
    if (!parsed.success || parsed.data.queryKey[1] !== context) return [];
    return [{ code: parsed.data.queryKey[2], data: parsed.data.state.data, updatedAt: parsed.data.state.dataUpdatedAt }];
  });
}
