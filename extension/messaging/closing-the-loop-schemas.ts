/**
 * Payloads of the closing-the-loop messages (issue 6): feedback and objections from the card,
 * page names for the name/code check, and the signed check record from the popup. Kept apart
 * from protocol.ts so the verdict messages and these can change without touching each other;
 * protocol.ts imports them into the one call map.
 */
import * as z from 'zod/mini';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';
import { FeedbackRecordSchema } from '../../core/api/feedback-schema.ts';
import { FeedbackFormDraftSchema as FeedbackDraftSchema } from '../../core/feedback/feedback-form-draft-schema.ts';
import { QueuedFeedbackSchema } from '../../core/feedback/queued-feedback-schema.ts';
import { ObjectionRequestSchema, ObjectionResponseSchema } from '../../core/api/objection-schema.ts';
import { SignedCheckRecordSchema } from '../../core/api/check-record-schema.ts';
import { UsccSchema } from '../../core/api/scalars.ts';

const Code = z.string().check(z.minLength(1), z.maxLength(64));
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
export const ObjectionOutcomeSchema = z.union([
  z.object({ accepted: z.literal(true), response: ObjectionResponseSchema }),
  /** Refused or unreachable: the client error's kind and HTTP status (409: already disputed). */
  z.object({ accepted: z.literal(false), kind: z.string(), status: z.nullable(z.number()), message: z.string() }),
]);
export const PageNamesReportSchema = z.object({
  url: z.string().check(z.maxLength(8000)),
  title: z.nullable(z.string().check(z.maxLength(500))),
  context: CheckContextSchema,
  /** Every code of the frame (valid, suspect or invalid) with the name the page shows beside it. */
  codes: z.array(z.object({ code: Code, pageName: z.nullable(z.string().check(z.maxLength(500))) })).check(z.maxLength(100_000)),
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
export const TabNamesSchema = z.object({
  tabId: z.number().check(z.int()),
  codes: z.array(z.object({ code: Code, pageName: z.nullable(z.string()), frameIds: z.array(z.number().check(z.int())) })),
});
export const CreateRecordRequestSchema = z.object({
  /** Record every code of this tab… */
  tabId: z.nullable(z.number().check(z.int())),
  /** …or of this pasted text (when `tabId` is null). */
  text: z.nullable(z.string().check(z.maxLength(2_000_000))),
  /** null: the tab's context (top frame first), else `general`. */
  context: z.nullable(CheckContextSchema),
  caseReference: z.nullable(CaseReference),
});
export const StoredRecordSchema = z.object({
  signed: SignedCheckRecordSchema,
  /** Where it came from: a tab's page, or a pasted list. */
  source: z.enum(['tab', 'text']),
  /** Codes left out because a record holds at most 500. */
  omitted: z.number().check(z.int(), z.minimum(0)),
});
export const CaseReferenceViewSchema = z.object({ value: z.nullable(CaseReference) });

export type FeedbackDraftMessage = z.infer<typeof FeedbackDraftSchema>;
export type GetFeedbackRequest = z.infer<typeof GetFeedbackRequestSchema>;
export type SubmitFeedbackRequest = z.infer<typeof SubmitFeedbackRequestSchema>;
export type FeedbackKeyRequest = z.infer<typeof FeedbackKeyRequestSchema>;
export type SetCaseReferenceRequest = z.infer<typeof SetCaseReferenceRequestSchema>;
export type ObjectionRequestMessage = z.infer<typeof ObjectionRequestSchema>;
export type ObjectionOutcome = z.infer<typeof ObjectionOutcomeSchema>;
export type PageNamesReport = z.infer<typeof PageNamesReportSchema>;
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;
export type TabNames = z.infer<typeof TabNamesSchema>;
export type CreateRecordRequest = z.infer<typeof CreateRecordRequestSchema>;
export type StoredRecord = z.infer<typeof StoredRecordSchema>;
export type CaseReferenceView = z.infer<typeof CaseReferenceViewSchema>;
export { ObjectionRequestSchema };
