import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import type { ObjectionRequest, ObjectionResponse } from '../../core/api/objection-schema.ts';
import type { FeedbackDraft, QueuedFeedback } from '../../core/feedback/create-feedback-queue.ts';

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
