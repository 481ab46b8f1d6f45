/** One feedback waiting to be sent, or refused by the platform: what storage holds and what the card lists, defined once as a schema. */
import * as z from 'zod/mini';
import { FeedbackRequestSchema } from '../api/feedback-schema.ts';

export const QueuedFeedbackStatusSchema = z.enum(['pending', 'sending', 'failed']);
export type QueuedFeedbackStatus = z.infer<typeof QueuedFeedbackStatusSchema>;

export const QueuedFeedbackSchema = z.object({
  request: FeedbackRequestSchema,
  status: QueuedFeedbackStatusSchema,
  /** ISO instant of enqueue. */
  enqueuedAt: z.string().check(z.maxLength(40)),
  attempts: z.number(),
  /** Epoch ms of the next automatic attempt; null while sending or when failed. */
  nextAttemptAt: z.nullable(z.number()),
  /** The last failure: transient (still pending) or final (failed). */
  error: z.nullable(z.object({ kind: z.string().check(z.maxLength(40)), status: z.nullable(z.number()), message: z.string().check(z.maxLength(2000)) })),
});
export type QueuedFeedback = z.infer<typeof QueuedFeedbackSchema>;
