import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { StatusResponse } from '../../../../core/api/status-schema.ts';
import { createStatusBatcher } from '../../../../core/query/create-status-batcher.ts';
import { makeStatusResponse } from '../fixtures/make-status-result.ts';

const code = (i: number) => `91420105MA4K${String(i).padStart(6, '0')}`;

describe('createStatusBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the codes asked for within the window in one request, each once', async () => {
    const fetchBatch = vi.fn(async (codes: string[]) => makeStatusResponse(codes));
    const batcher = createStatusBatcher({ fetchBatch, windowMs: 20 });
    const a = batcher.load(code(1));
    const b = batcher.load(code(2));
    const again = batcher.load(code(1));
    expect(fetchBatch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);
    expect(fetchBatch).toHaveBeenCalledTimes(1);
    expect(fetchBatch).toHaveBeenCalledWith([code(1), code(2)]);
    expect((await a).code).toBe(code(1));
    expect((await b).code).toBe(code(2));
    expect(again).toBe(a);
  });

  it('starts a new batch after the window', async () => {
    const fetchBatch = vi.fn(async (codes: string[]) => makeStatusResponse(codes));
    const batcher = createStatusBatcher({ fetchBatch });
    void batcher.load(code(1));
    await vi.advanceTimersByTimeAsync(20);
    void batcher.load(code(1));
    await vi.advanceTimersByTimeAsync(20);
    expect(fetchBatch).toHaveBeenCalledTimes(2);
  });

  it('sends at most maxBatch codes per request, without waiting when a batch is full', async () => {
    const fetchBatch = vi.fn(async (codes: string[]) => makeStatusResponse(codes));
    const batcher = createStatusBatcher({ fetchBatch });
    const all = Array.from({ length: 250 }, (_, i) => batcher.load(code(i)));
    expect(fetchBatch.mock.calls.map(([c]) => c.length)).toEqual([100, 100]);
    await vi.advanceTimersByTimeAsync(20);
    expect(fetchBatch.mock.calls.map(([c]) => c.length)).toEqual([100, 100, 50]);
    const results = await Promise.all(all);
    expect(results.map((r) => r.code)).toEqual(Array.from({ length: 250 }, (_, i) => code(i)));
  });

  it('rejects every caller with the CreditError when the batch fails', async () => {
    const error = new CreditError('timeout', 'slow');
    const batcher = createStatusBatcher({ fetchBatch: () => Promise.reject(error) });
    const a = batcher.load(code(1));
    const b = batcher.load(code(2));
    const settled = Promise.allSettled([a, b]);
    await vi.advanceTimersByTimeAsync(20);
    expect((await settled).map((s) => s.status === 'rejected' && s.reason)).toEqual([error, error]);
  });

  it('rejects a code left out of the answer with a schema error', async () => {
    const batcher = createStatusBatcher({
      fetchBatch: async (codes): Promise<StatusResponse> => makeStatusResponse(codes.slice(0, 1)),
    });
    const a = batcher.load(code(1));
    const b = batcher.load(code(2)).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(20);
    expect((await a).code).toBe(code(1));
    expect(await b).toMatchObject({ kind: 'schema' });
  });

  it('uses injected timers', async () => {
    const timers: (() => void)[] = [];
    const fetchBatch = vi.fn(async (codes: string[]) => makeStatusResponse(codes));
    const batcher = createStatusBatcher({ fetchBatch, setTimeout: (fn) => timers.push(fn), clearTimeout: () => undefined });
    const a = batcher.load(code(1));
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect((await a).code).toBe(code(1));
  });
});
