import type { FeedbackQueueStorage, QueuedFeedback } from '../../core/feedback/create-feedback-queue.ts';

/** The localStorage key of the feedback queue for one platform: namespaced, so hosts can tell it is ours. */
export function queueStorageKey(platform: string): string {
  return `creditlens:feedback-queue:v1:${platform}`;
}

/**
 * The feedback queue's storage in the host page's `localStorage`. Every access may throw (storage
 * disabled, sandboxed frames, quota): the queue then carries on in memory.
 */
export function localStorageQueue(key: string, storage: () => Storage | null = () => globalThis.localStorage ?? null): FeedbackQueueStorage {
  return {
    async load() {
      const text = storage()?.getItem(key);
      return text ? (JSON.parse(text) as unknown) : null;
    },
    async save(items: QueuedFeedback[]) {
      const target = storage();
      if (!target) return;
      if (items.length === 0) target.removeItem(key);
      else target.setItem(key, JSON.stringify(items));
    },
  };
}

/** Whether feedback for this platform is waiting in localStorage (storage errors count as no). */
export function hasQueuedFeedback(platform: string, storage: () => Storage | null = () => globalThis.localStorage ?? null): boolean {
  try {
    return Boolean(storage()?.getItem(queueStorageKey(platform)));
  } catch {
    return false;
  }
}
