/**
 * Payloads of the feedback messages (section 二十四) between the card and the background: the
 * card's feedback view, drafts to queue, retry/discard of one queued item, and the case reference
 * a tab's feedback is filed under. protocol.ts imports them into the one call map.
 */
import * as z from 'zod/mini';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';
import { FeedbackRecordSchema } from '../../core/api/feedback-schema.ts';
import { UsccSchema } from '../../core/api/scalars.ts';
import { FeedbackFormDraftSchema as FeedbackDraftSchema } from '../../core/feedback/feedback-form-draft-schema.ts';
import { QueuedFeedbackSchema } from '../../core/feedback/queued-feedback-schema.ts';

const CaseReference = z.string().check(z.maxLength(200));

// Defined once in core (core/feedback) and imported here.
export { FeedbackDraftSchema, QueuedFeedbackSchema };

// content → background
export const GetFeedbackRequestSchema = z.object({
  code: UsccSchema,
  /** null: the tab's remembered case reference. */
  caseReference: z.nullable(CaseReference),
  /** Only what waits in the queue: the platform is not asked (a card without measures to report). */
  queuedOnly: z.optional(z.boolean()),
});
export const SubmitFeedbackRequestSchema = z.object({
  drafts: z.array(FeedbackDraftSchema).check(z.minLength(1), z.maxLength(100)),
  context: CheckContextSchema,
});
export const FeedbackKeyRequestSchema = z.object({ idempotencyKey: z.string().check(z.minLength(1), z.maxLength(128)) });
export const SetCaseReferenceRequestSchema = z.object({
  value: CaseReference,
  /** `typed` by the user wins over one `page` found in a labelled field. */
  source: z.enum(['typed', 'page']),
});

/** What the card shows below the measures: who reports, the case, what waits and what was given. */
export const FeedbackViewSchema = z.object({
  code: UsccSchema,
  /** The configured operator's name (the department comes from the token, filled in by the platform). */
  reporter: z.nullable(z.string()),
  caseReference: CaseReference,
  queued: z.array(QueuedFeedbackSchema),
  given: z.union([z.array(FeedbackRecordSchema), z.literal('unavailable')]),
});

// popup → background
export const CaseReferenceViewSchema = z.object({ value: z.nullable(CaseReference) });

export type FeedbackDraftMessage = z.infer<typeof FeedbackDraftSchema>;
export type GetFeedbackRequest = z.infer<typeof GetFeedbackRequestSchema>;
export type SubmitFeedbackRequest = z.infer<typeof SubmitFeedbackRequestSchema>;
export type FeedbackKeyRequest = z.infer<typeof FeedbackKeyRequestSchema>;
export type SetCaseReferenceRequest = z.infer<typeof SetCaseReferenceRequestSchema>;
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;
export type CaseReferenceView = z.infer<typeof CaseReferenceViewSchema>;
