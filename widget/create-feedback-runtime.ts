import type { CreditClient } from '../core/api/create-credit-client.ts';
import type { FeedbackRecord } from '../core/api/feedback-schema.ts';
import type { ObjectionRequest, ObjectionResponse } from '../core/api/objection-schema.ts';
import { createFeedbackQueue, type FeedbackDraft, type FeedbackQueue, type QueuedFeedback } from '../core/feedback/create-feedback-queue.ts';
import { localStorageQueue, queueStorageKey } from './local-storage-queue.ts';

/** What the cards need to close the loop: the persistent feedback queue, feedback already given, objections. */
export interface FeedbackRuntime {
  enqueue(draft: FeedbackDraft): Promise<QueuedFeedback>;
  /** This code's waiting and refused items. */
  queued(code: string): QueuedFeedback[];
  retry(key: string): void;
  discard(key: string): void;
  flush(): Promise<void>;
  given(code: string, caseReference: string): Promise<FeedbackRecord[] | 'unavailable'>;
  objection(request: ObjectionRequest): Promise<ObjectionResponse>;
  /** Called on every queue change (cards re-render); returns the unsubscribe. */
  listen(listener: () => void): () => void;
  stop(): void;
}

/** One per configured platform; the queue is kept in localStorage under a `creditlens:` key. */
export function createFeedbackRuntime(client: CreditClient, platform: string): FeedbackRuntime {
  const listeners = new Set<() => void>();
  const queue: FeedbackQueue = createFeedbackQueue({
    client,
    storage: localStorageQueue(queueStorageKey(platform)),
    onChange: () => listeners.forEach((l) => l()),
  });
  const online = (): void => void queue.flush();
  globalThis.addEventListener?.('online', online);
  return {
    enqueue: (draft) => queue.enqueue(draft),
    queued: (code) => [...queue.pending(), ...queue.failed()].filter((i) => i.request.code === code),
    retry: (key) => void queue.retry(key),
    discard: (key) => void queue.discard(key),
    flush: () => queue.flush(),
    async given(code, caseReference) {
      try {
        return (await client.feedbackList(code, caseReference || null)).feedback;
      } catch {
        return 'unavailable';
      }
    },
    objection: (request) => client.objection(request),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      queue.stop();
      globalThis.removeEventListener?.('online', online);
      listeners.clear();
    },
  };
}
