import type { CreditClient } from '../../core/api/create-credit-client.ts';
import { createFeedbackQueue, type FeedbackQueue } from '../../core/feedback/create-feedback-queue.ts';
import type { FeedbackRuntime } from '../contract/feedback-runtime.ts';
import { localStorageQueue, queueStorageKey } from '../contract/local-storage-queue.ts';

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
