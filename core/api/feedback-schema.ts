import * as z from 'zod/mini';
import { CheckContextSchema } from './check-context-schema.ts';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema, UsccSchema } from './scalars.ts';

export const FeedbackOutcomeSchema = z.enum(['applied', 'not-applicable', 'exempted']);
export type FeedbackOutcome = z.infer<typeof FeedbackOutcomeSchema>;

/**
 * `POST /api/v1/feedback` (section (二十四), trigger–feedback): which measure was applied to which
 * subject in which case. The same idempotency key is stored once.
 */
export const FeedbackRequestSchema = z
  .strictObject({
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(128), z.regex(/^[A-Za-z0-9._:-]+$/)),
    code: UsccSchema,
    entryId: z.nullable(LineSchema),
    measureId: LineSchema,
    outcome: FeedbackOutcomeSchema,
    reason: z.nullable(z.string().check(z.maxLength(2000))),
    caseReference: z.string().check(z.minLength(1), z.maxLength(200)),
    note: z.nullable(z.string().check(z.maxLength(2000))),
    operator: z.nullable(LineSchema),
    context: CheckContextSchema,
  })
  .check(
    z.refine((f) => f.outcome !== 'not-applicable' || (f.reason ?? '').trim().length > 0, {
      message: 'a reason is required when the measure is not applicable',
      path: ['reason'],
    }),
  );
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

/** A stored feedback record. */
export const FeedbackRecordSchema = z.strictObject({
  id: LineSchema,
  idempotencyKey: LineSchema,
  code: UsccSchema,
  entryId: z.nullable(LineSchema),
  measureId: LineSchema,
  outcome: FeedbackOutcomeSchema,
  reason: z.nullable(z.string()),
  caseReference: LineSchema,
  note: z.nullable(z.string()),
  operator: z.nullable(LineSchema),
  department: LineSchema,
  context: CheckContextSchema,
  receivedAt: IsoDateTimeSchema,
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

export const FeedbackResponseSchema = z.strictObject({
  feedback: FeedbackRecordSchema,
  /** True when this idempotency key had been stored before: nothing new was written. */
  duplicate: z.boolean(),
  ...AnswerStampShape,
});
export type FeedbackResponse = z.infer<typeof FeedbackResponseSchema>;
