import { describe, expect, it, vi } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { FeedbackRequest } from '../../../../core/api/feedback-schema.ts';
import type { QueuedFeedback } from '../../../../core/feedback/create-feedback-queue.ts';
import type { CaseReferenceStore } from '../../../../extension/feedback/case-reference-store.ts';
import { createFeedbackService } from '../../../../extension/feedback/create-feedback-service.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

const A = withUsccCheck('91420105MA4KMF000');
const B = withUsccCheck('91420105MA4KMF001');
const ASOF = '2026-11-26T02:00:00.000Z';

/** A platform that stores feedback by idempotency key, and can be taken down. */
function fakePlatform() {
  const stored = new Map<string, FeedbackRequest>();
  let down = false;
  const record = (req: FeedbackRequest) => ({ id: `fb-${req.idempotencyKey}`, ...req, department: '区市场监管局', receivedAt: ASOF });
  return {
    stored,
    setDown: (value: boolean) => void (down = value),
    client: {
      feedback: vi.fn(async (req: FeedbackRequest) => {
        if (down) throw new CreditError('offline', 'unreachable');
        const duplicate = stored.has(req.idempotencyKey);
        stored.set(req.idempotencyKey, req);
        return { feedback: record(req), duplicate, asOf: ASOF, dataVersion: 1 };
      }),
      feedbackList: vi.fn(async (code: string, caseReference?: string | null) => {
        if (down) throw new CreditError('offline', 'unreachable');
        const feedback = [...stored.values()].filter((f) => f.code === code && f.caseReference === caseReference).map(record);
        return { code, caseReference: caseReference ?? null, feedback, asOf: ASOF, dataVersion: 1 };
      }),
    },
  };
}

function memoryCases(): CaseReferenceStore & { all: Map<number, string> } {
  const all = new Map<number, string>();
  return {
    all,
    get: async (tabId) => all.get(tabId) ?? null,
    set: async (tabId, value) => void all.set(tabId, value),
    drop: async (tabId) => void all.delete(tabId),
  };
}

function memoryStorage() {
  let saved: unknown = null;
  return { load: async () => saved, save: async (items: QueuedFeedback[]) => void (saved = structuredClone(items)) };
}

const draft = (code: string, caseReference = 'SP-1') => ({
  code,
  entryId: 'e-1',
  measureId: 'm-1',
  outcome: 'applied' as const,
  reason: null,
  caseReference,
  note: null,
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('createFeedbackService', () => {
  it('adds the operator, the context and an idempotency key, and remembers the case for the tab', async () => {
    const platform = fakePlatform();
    const cases = memoryCases();
    const service = createFeedbackService({
      client: () => platform.client,
      operator: () => '王立',
      storage: memoryStorage(),
      cases,
      randomUUID: () => 'key-00000001',
    });
    await service.submit([draft(A)], 'procurement', 7);
    await settle();
    expect([...platform.stored.values()]).toEqual([{ ...draft(A), operator: '王立', context: 'procurement', idempotencyKey: 'key-00000001' }]);
    expect(cases.all.get(7)).toBe('SP-1');
  });

  it('answers the code’s view with the tab’s case, what waits for this code only, and what the platform holds', async () => {
    const platform = fakePlatform();
    const cases = memoryCases();
    const service = createFeedbackService({ client: () => platform.client, operator: () => null, storage: memoryStorage(), cases });
    platform.setDown(true);
    await service.submit([draft(A)], 'approval', 7);
    await service.submit([draft(B)], 'approval', 7);
    const waiting = await service.view(A, null, 7);
    expect(waiting).toMatchObject({ code: A, caseReference: 'SP-1', given: 'unavailable', reporter: null });
    expect(waiting.queued.map((q) => q.request.code)).toEqual([A]);
    platform.setDown(false);
    await service.view(A, null, 7);
    await vi.waitFor(() => expect(platform.stored.size).toBe(2));
    const given = await service.view(A, 'SP-1', null);
    expect(given.queued).toEqual([]);
    expect(given.given).toHaveLength(1);
  });

  it('asks nothing of the platform without a case reference', async () => {
    const platform = fakePlatform();
    const service = createFeedbackService({ client: () => platform.client, operator: () => null, storage: memoryStorage(), cases: memoryCases() });
    expect((await service.view(A, null, 3)).given).toEqual([]);
    expect(platform.client.feedbackList).not.toHaveBeenCalled();
  });

  it('resumes a stored queue in a new service (a restarted worker) and sends each item once', async () => {
    const platform = fakePlatform();
    const storage = memoryStorage();
    platform.setDown(true);
    const first = createFeedbackService({ client: () => platform.client, operator: () => null, storage, cases: memoryCases() });
    await first.submit([draft(A, 'SP-9')], 'funding', null);
    first.queue.stop();
    platform.setDown(false);
    const second = createFeedbackService({ client: () => platform.client, operator: () => null, storage, cases: memoryCases() });
    await second.queue.ready;
    await vi.waitFor(() => expect(platform.stored.size).toBe(1));
    await second.flushIfPending();
    expect(new Set(platform.client.feedback.mock.calls.map(([req]) => req.idempotencyKey)).size).toBe(1);
    expect(second.queue.pending()).toEqual([]);
  });

  it('does not send before it is ready (the settings: which platform)', async () => {
    const platform = fakePlatform();
    let release!: () => void;
    const ready = new Promise<void>((r) => (release = r));
    const service = createFeedbackService({ client: () => platform.client, operator: () => null, storage: memoryStorage(), cases: memoryCases(), ready });
    await service.submit([draft(A)], 'general', null);
    await settle();
    expect(platform.client.feedback).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(platform.stored.size).toBe(1));
  });
});
