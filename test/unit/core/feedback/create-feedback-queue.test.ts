import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { FeedbackRequest, FeedbackResponse } from '../../../../core/api/feedback-schema.ts';
import { createFeedbackQueue, type FeedbackDraft, type FeedbackQueue, type QueuedFeedback } from '../../../../core/feedback/create-feedback-queue.ts';

const CODE = '91350100M000100Y43';
const draft = (measureId = 'm-1'): FeedbackDraft => ({
  code: CODE,
  entryId: 'e-1',
  measureId,
  outcome: 'applied',
  reason: null,
  caseReference: '审批-2026-001',
  note: null,
  operator: '张三',
  context: 'approval',
});

/** A platform that stores each idempotency key once, and can be down or refuse. */
function fakeClient() {
  const stored = new Map<string, FeedbackRequest>();
  const state = {
    mode: 'up' as 'up' | 'down' | 'refuse',
    calls: 0,
    stored,
    async feedback(req: FeedbackRequest): Promise<FeedbackResponse> {
      state.calls++;
      if (state.mode === 'down') throw new CreditError('offline', 'down');
      if (state.mode === 'refuse') throw new CreditError('http', 'unknown measure', { status: 400, apiCode: 'bad_request' });
      const duplicate = stored.has(req.idempotencyKey);
      stored.set(req.idempotencyKey, req);
      return {
        feedback: { id: `fb-${stored.size}`, ...req, department: '区发改局', receivedAt: '2026-03-01T02:00:00.000Z' },
        duplicate,
        asOf: '2026-03-01T02:00:00.000Z',
        dataVersion: 1,
      };
    },
  };
  return state;
}

function memoryStorage() {
  const box = { value: null as unknown, saves: 0 };
  return {
    box,
    storage: {
      load: async () => structuredClone(box.value),
      save: async (items: QueuedFeedback[]) => {
        box.saves++;
        box.value = structuredClone(items);
      },
    },
  };
}

let keys = 0;
function makeQueue(client: ReturnType<typeof fakeClient>, storage: ReturnType<typeof memoryStorage>['storage']): FeedbackQueue {
  return createFeedbackQueue({
    client,
    storage,
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    randomUUID: () => `key-0000-${++keys}`,
    retryDelayMs: 1_000,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createFeedbackQueue', () => {
  it('returns the item saved before it is sent, then sends it once', async () => {
    const client = fakeClient();
    const { box, storage } = memoryStorage();
    const queue = makeQueue(client, storage);
    await queue.ready;
    client.mode = 'down';
    const item = await queue.enqueue(draft());
    expect((box.value as QueuedFeedback[])[0]!.request.idempotencyKey).toBe(item.request.idempotencyKey);
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.pending()).toHaveLength(1);
    expect(queue.pending()[0]!.error?.kind).toBe('offline');
    client.mode = 'up';
    await vi.advanceTimersByTimeAsync(5_000);
    expect(client.stored.size).toBe(1);
    expect(queue.pending()).toEqual([]);
    expect(queue.sent()).toHaveLength(1);
    expect(box.value).toEqual([]);
  });

  it('returns exactly one stored feedback across an outage with backoff retries and flush', async () => {
    const client = fakeClient();
    const { storage } = memoryStorage();
    const queue = makeQueue(client, storage);
    await queue.ready;
    client.mode = 'down';
    await queue.enqueue(draft());
    await vi.advanceTimersByTimeAsync(10_000);
    const attemptsWhileDown = client.calls;
    expect(attemptsWhileDown).toBeGreaterThanOrEqual(3);
    expect(attemptsWhileDown).toBeLessThan(8);
    client.mode = 'up';
    await Promise.all([queue.flush(), queue.flush()]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(client.stored.size).toBe(1);
    expect(queue.sent()).toHaveLength(1);
    expect(queue.pending()).toEqual([]);
  });

  it('returns the pending items after a restart and sends them once', async () => {
    const client = fakeClient();
    const { box, storage } = memoryStorage();
    const first = makeQueue(client, storage);
    await first.ready;
    client.mode = 'down';
    const item = await first.enqueue(draft('m-1'));
    await first.enqueue(draft('m-2'));
    await vi.advanceTimersByTimeAsync(0);
    first.stop();
    expect(box.value).toHaveLength(2);

    client.mode = 'up';
    const second = makeQueue(client, storage);
    await second.ready;
    await vi.advanceTimersByTimeAsync(0);
    expect(client.stored.size).toBe(2);
    expect(client.stored.has(item.request.idempotencyKey)).toBe(true);
    expect(second.pending()).toEqual([]);
    expect(box.value).toEqual([]);
  });

  it('returns a duplicate answer as sent (the platform had it already)', async () => {
    const client = fakeClient();
    const { storage } = memoryStorage();
    const queue = makeQueue(client, storage);
    await queue.ready;
    const request = { ...draft(), idempotencyKey: 'given-key-1' };
    await client.feedback(request);
    await queue.enqueue(request);
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.sent()[0]!.duplicate).toBe(true);
    expect(client.stored.size).toBe(1);
  });

  it('returns a 4xx refusal as failed with its reason, and keeps it', async () => {
    const client = fakeClient();
    const { box, storage } = memoryStorage();
    const queue = makeQueue(client, storage);
    await queue.ready;
    client.mode = 'refuse';
    await queue.enqueue(draft());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.calls).toBe(1);
    expect(queue.pending()).toEqual([]);
    expect(queue.failed()).toHaveLength(1);
    expect(queue.failed()[0]!.error).toEqual({ kind: 'http', status: 400, message: 'unknown measure' });
    expect((box.value as QueuedFeedback[])[0]!.status).toBe('failed');

    client.mode = 'up';
    await queue.retry(queue.failed()[0]!.request.idempotencyKey);
    expect(client.stored.size).toBe(1);
    expect(queue.failed()).toEqual([]);
  });

  it('returns an error for a draft that breaks the contract (no reason for not-applicable)', async () => {
    const queue = makeQueue(fakeClient(), memoryStorage().storage);
    await expect(queue.enqueue({ ...draft(), outcome: 'not-applicable', reason: ' ' })).rejects.toThrow();
    expect(queue.pending()).toEqual([]);
  });

  it('returns a working queue when storage is unavailable', async () => {
    const client = fakeClient();
    const queue = makeQueue(client, {
      load: async () => {
        throw new Error('SecurityError');
      },
      save: async () => {
        throw new Error('QuotaExceededError');
      },
    });
    await queue.ready;
    await queue.enqueue(draft());
    await vi.advanceTimersByTimeAsync(0);
    expect(client.stored.size).toBe(1);
  });

  it('returns nothing from stored junk', async () => {
    const client = fakeClient();
    const { box, storage } = memoryStorage();
    box.value = [{ request: { code: 'nope' } }, 42, null];
    const queue = makeQueue(client, storage);
    await queue.ready;
    expect(queue.pending()).toEqual([]);
    expect(client.calls).toBe(0);
  });
});
