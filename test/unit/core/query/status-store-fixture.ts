import { vi } from 'vitest';
import type { StatusClient } from '../../../../core/api/create-status-client.ts';
import type { StatusResponse } from '../../../../core/api/status-schema.ts';
import { createStatusQueryClient } from '../../../../core/query/create-status-query-client.ts';
import { createStatusStore, type StatusStoreOptions } from '../../../../core/query/create-status-store.ts';
import type { StatusSource } from '../../../../core/query/status-query-key.ts';
import { makeStatusResponse } from '../fixtures/make-status-result.ts';

/** The status store's tests run at this (faked) time. */
export const START = new Date('2026-03-01T02:00:00.000Z');
export const OTHER = '91420105MA4KX0T13D';
/** The platform and credentials of the fixture's stores. */
export const SOURCE: StatusSource = { platform: 'http://platform.test', tokenFingerprint: 'anonymous' };

/** What the fake platform does with one status request: answer, fail, or answer later. */
export type Reply = (codes: string[]) => StatusResponse | Error | Promise<StatusResponse>;

/** A store over a fake client whose replies the test sets, on a query client of its own unless given one; no retries unless asked for. */
export function setupStore(reply: Reply, options: Partial<StatusStoreOptions> = {}) {
  let current = reply;
  const status = vi.fn(async (codes: string[]) => {
    const r = await current(codes);
    if (r instanceof Error) throw r;
    return r;
  });
  const client = { status } as unknown as StatusClient;
  const queryClient = options.queryClient ?? createStatusQueryClient();
  const store = createStatusStore({ queryClient, source: SOURCE, client, retries: 0, recoveryIntervalMs: 10_000, ...options });
  return { store, status, queryClient, setReply: (r: Reply) => (current = r) };
}

type PerCode = Parameters<typeof makeStatusResponse>[1];

/** Answers at once, stamped with the current (fake) time. */
export const answer =
  (perCode: PerCode = () => ({})): Reply =>
  (codes) =>
    makeStatusResponse(codes, perCode, new Date().toISOString());

/** A reply that waits until the test calls `release()`. */
export function heldReply(perCode: PerCode = () => ({})) {
  let release = (): void => undefined;
  const reply: Reply = (codes) =>
    new Promise((resolve) => {
      release = () => resolve(makeStatusResponse(codes, perCode, new Date().toISOString()));
    });
  return { reply, release: () => release() };
}

/** Lets the batcher window pass under fake timers, then awaits. */
export async function settle<T>(promise: Promise<T>, ms = 50): Promise<T> {
  await vi.advanceTimersByTimeAsync(ms);
  return promise;
}
