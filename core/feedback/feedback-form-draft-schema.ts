/** One measure's outcome as the card's FeedbackForm hands it over; the caller adds key, operator and context. Crosses the extension's message boundary, so it is a schema. */
import * as z from 'zod/mini';
import { FeedbackOutcomeSchema } from '../api/feedback-schema.ts';
import { UsccSchema } from '../api/scalars.ts';

export const FeedbackFormDraftSchema = z.object({
  code: UsccSchema,
  entryId: z.nullable(z.string().check(z.maxLength(500))),
  measureId: z.string().check(z.minLength(1), z.maxLength(500)),
  outcome: FeedbackOutcomeSchema,
  reason: z.nullable(z.string().check(z.maxLength(2000))),
  caseReference: z.string().check(z.minLength(1), z.maxLength(200)),
  note: z.nullable(z.string().check(z.maxLength(2000))),
});
export type FeedbackFormDraft = z.infer<typeof FeedbackFormDraftSchema>;
