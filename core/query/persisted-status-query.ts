/**
 * The status cache across service-worker restarts: query-core's `dehydrate`/`hydrate`, with
 * every entry checked on the way in. Kept apart from the store so a page that never persists
 * (the widget) does not carry hydration or this schema.
 */
import { dehydrate, hashKey, hydrate, type DehydratedState, type QueryClient } from '@tanstack/query-core';
import * as z from 'zod/mini';
import { CheckContextSchema } from '../api/check-context-schema.ts';
import { StatusResultSchema } from '../api/status-schema.ts';
import { statusQueryKey, statusQueryPrefix, type StatusSource } from './status-query-key.ts';

const StateSchema = z.object({ data: StatusResultSchema, dataUpdatedAt: z.number(), isInvalidated: z.optional(z.boolean()) });

/** An entry as this version writes it. */
const PersistedQuerySchema = z.object({
  queryKey: z.tuple([z.literal('status'), z.string(), z.string(), z.string(), CheckContextSchema]),
  state: StateSchema,
});

/** An entry as the previous version wrote it (`['credit-status', context, code]`, saved only for the same source). */
const PreviousQuerySchema = z.object({
  queryKey: z.tuple([z.literal('credit-status'), CheckContextSchema, z.string()]),
  queryHash: z.string(),
  state: StateSchema,
});

/**
 * The answered status queries of `source` as plain, JSON-safe data. A query whose last refresh
 * failed keeps its answer (marked invalidated, so it is not current after a restart); errors are
 * dropped, they do not serialize.
 */
export function dehydrateStatusQueries(queryClient: QueryClient, source: StatusSource): DehydratedState {
  const [root, platform, fingerprint] = statusQueryPrefix(source);
  const state = dehydrate(queryClient, {
    shouldDehydrateQuery: (q) => q.state.data !== undefined && q.queryKey[0] === root && q.queryKey[1] === platform && q.queryKey[2] === fingerprint,
    shouldDehydrateMutation: () => false,
  });
  return {
    mutations: [],
    queries: state.queries.map(({ queryKey, queryHash, state: s, dehydratedAt }) => ({
      queryKey,
      queryHash,
      state: { ...s, error: null, fetchFailureReason: null, fetchFailureCount: 0, fetchMeta: null, status: 'success', fetchStatus: 'idle' },
      dehydratedAt,
    })),
  };
}

/**
 * Restores `dehydrateStatusQueries` output for `source`. Every entry is checked against the status
 * schema first; entries of the previous version's key move to the new key, anything else (another
 * source, a broken entry, not a state at all) is dropped. An answer already newer in the client is kept.
 */
export function hydrateStatusQueries(queryClient: QueryClient, source: StatusSource, saved: unknown): void {
  const queries = readPersistedStatusQueries(saved, source);
  if (queries.length > 0) hydrate(queryClient, { mutations: [], queries } as unknown as DehydratedState);
}

/** The valid entries of `source` in a persisted state, keyed the current way. */
export function readPersistedStatusQueries(saved: unknown, source: StatusSource) {
  const queries = (saved as { queries?: unknown } | null)?.queries;
  if (!Array.isArray(queries)) return [];
  const [, platform, fingerprint] = statusQueryPrefix(source);
  return queries.flatMap((q: unknown) => {
    const current = z.safeParse(PersistedQuerySchema, q);
    let queryKey: readonly unknown[];
    let state: z.infer<typeof StateSchema>;
    if (current.success) {
      if (current.data.queryKey[1] !== platform || current.data.queryKey[2] !== fingerprint) return [];
      ({ queryKey, state } = current.data);
    } else {
      const previous = z.safeParse(PreviousQuerySchema, q);
      if (!previous.success) return [];
      queryKey = statusQueryKey(source, previous.data.queryKey[2], previous.data.queryKey[1]);
      state = previous.data.state;
    }
    return [
      {
        queryKey,
        queryHash: hashKey(queryKey),
        state: {
          data: state.data,
          dataUpdatedAt: state.dataUpdatedAt,
          dataUpdateCount: 1,
          error: null,
          errorUpdateCount: 0,
          errorUpdatedAt: 0,
          fetchFailureCount: 0,
          fetchFailureReason: null,
          fetchMeta: null,
          isInvalidated: state.isInvalidated ?? false,
          status: 'success' as const,
          fetchStatus: 'idle' as const,
        },
      },
    ];
  });
}
