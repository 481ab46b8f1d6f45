import * as z from 'zod/mini';
import { FeedbackRecordSchema } from './feedback-schema.ts';
import { AnswerStampShape, LineSchema, UsccSchema } from './scalars.ts';

/** Most feedback records one `GET /api/v1/feedback` returns (newest first). */
export const MAX_FEEDBACK_LIST = 200;

/** `GET /api/v1/feedback?code=&caseReference=`: which measures were already reported for a subject. */
export const FeedbackListQuerySchema = z.strictObject({
  code: UsccSchema,
  caseReference: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuerySchema>;

/** The feedback every department gave for the subject (and the case, when asked), newest first. */
export const FeedbackListResponseSchema = z.strictObject({
  code: UsccSchema,
  caseReference: z.nullable(LineSchema),
  feedback: z.array(FeedbackRecordSchema).check(z.maxLength(MAX_FEEDBACK_LIST)),
  ...AnswerStampShape,
});
export type FeedbackListResponse = z.infer<typeof FeedbackListResponseSchema>;
