/**
 * The background's side of section (二十四) feedback: one persistent queue (core/feedback) in
 * `storage.local`, resumed when the service worker starts, so feedback recorded while the
 * platform is unreachable is sent later — once — even across a worker restart. It adds what the
 * card must not supply (operator from the settings, idempotency keys) and answers the card's
 * view: what waits in the queue for the code and what the platform already holds for the case.
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { CreditClient } from '../../core/api/create-credit-client.ts';
import { createFeedbackQueue, type FeedbackQueue, type FeedbackQueueStorage } from '../../core/feedback/create-feedback-queue.ts';
import type { FeedbackDraftMessage, FeedbackView } from '../messaging/feedback-messages.ts';
import type { CaseReferenceStore } from './case-reference-store.ts';

export interface FeedbackServiceDeps {
  /** The client of the platform owning the entry (issue 17: several platforms; `entryId` null: the code's first platform). */
  client(owner: { code: string; entryId: string | null }): Pick<CreditClient, 'feedback' | 'feedbackList'>;
  /** The configured operator, or null. */
  operator(): string | null;
  storage: FeedbackQueueStorage;
  cases: CaseReferenceStore;
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  randomUUID?: () => string;
  /** Sending waits for this (the settings: which platform, which token). */
  ready?: Promise<unknown>;
}

export interface FeedbackService {
  readonly queue: FeedbackQueue;
  /** The card's view of `code` for `caseReference` (null: the tab's remembered one). */
  view(code: string, caseReference: string | null, tabId: number | null, queuedOnly?: boolean): Promise<FeedbackView>;
  /** Queues the drafts (each saved before it is sent) and remembers their case for the tab. */
  submit(drafts: FeedbackDraftMessage[], context: CheckContext, tabId: number | null): Promise<FeedbackView>;
  /** Sends what waits, when anything does (the platform answered, an alarm fired). */
  flushIfPending(): Promise<void>;
}

/** Creates the service; the queue starts loading (and resending) at once. */
export function createFeedbackService(d: FeedbackServiceDeps): FeedbackService {
  const queue = createFeedbackQueue({
    // The client is looked up per send, so a changed platform URL or token applies to what waits.
    client: {
      async feedback(req, opts) {
        await d.ready;
        return d.client(req).feedback(req, opts);
      },
    },
    storage: d.storage,
    ...(d.now && { now: d.now }),
    ...(d.setTimeout && { setTimeout: d.setTimeout }),
    ...(d.clearTimeout && { clearTimeout: d.clearTimeout }),
    ...(d.randomUUID && { randomUUID: d.randomUUID }),
  });

  async function flushIfPending(): Promise<void> {
    await queue.ready;
    if (queue.pending().length > 0) await queue.flush();
  }

  async function view(code: string, caseReference: string | null, tabId: number | null, queuedOnly = false): Promise<FeedbackView> {
    await queue.ready;
    const reference = (caseReference ?? (tabId === null ? null : await d.cases.get(tabId)) ?? '').trim();
    let given: FeedbackView['given'] = [];
    if (reference !== '' && !queuedOnly) {
      try {
        given = (await d.client({ code, entryId: null }).feedbackList(code, reference)).feedback;
        // The platform answered: whatever waits can go now.
        void flushIfPending().catch(() => undefined);
      } catch {
        given = 'unavailable';
      }
    }
    const queued = [...queue.pending(), ...queue.failed()].filter((item) => item.request.code === code);
    return { code, reporter: d.operator(), caseReference: reference, queued, given };
  }

  return {
    queue,
    view,
    flushIfPending,
    async submit(drafts, context, tabId) {
      await queue.ready;
      const operator = d.operator();
      for (const draft of drafts) await queue.enqueue({ ...draft, operator, context });
      const first = drafts[0]!;
      if (tabId !== null) await d.cases.set(tabId, first.caseReference, 'typed');
      // The view must not wait for a platform that may be down: queued items are the news here.
      const queued = [...queue.pending(), ...queue.failed()].filter((item) => item.request.code === first.code);
      return { code: first.code, reporter: operator, caseReference: first.caseReference, queued, given: 'unavailable' as const };
    },
  };
}
