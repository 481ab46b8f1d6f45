import { QueryClient } from '@tanstack/query-core';

/**
 * A runtime's one query client (the extension's background, a page with the widget, one
 * `cli check`). Made by the runtime's entry, never at import time; the status store sets its
 * query defaults per source (create-status-store.ts).
 */
export function createStatusQueryClient(): QueryClient {
  return new QueryClient();
}
