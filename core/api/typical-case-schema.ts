import * as z from 'zod/mini';
import { FeedbackRecordSchema } from './feedback-schema.ts';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema } from './scalars.ts';

/** A typical case (典型案例, section (二十九)) of an incentive (red list) or a punishment (black list). */
export const TypicalCaseKindSchema = z.enum(['incentive', 'punishment']);
export type TypicalCaseKind = z.infer<typeof TypicalCaseKindSchema>;

/** `POST /api/v1/typical-cases` (admin): marks one feedback as a typical case; marking it again replaces kind and note. */
export const TypicalCaseRequestSchema = z.strictObject({
  feedbackId: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: TypicalCaseKindSchema,
  note: z.string().check(
    z.minLength(1),
    z.maxLength(2000),
    z.refine((s) => s.trim().length > 0, { message: 'a note is required' }),
  ),
});
export type TypicalCaseRequest = z.infer<typeof TypicalCaseRequestSchema>;

export const TypicalCaseSchema = z.strictObject({
  kind: TypicalCaseKindSchema,
  note: z.string().check(z.maxLength(2000)),
  markedAt: IsoDateTimeSchema,
  markedBy: z.nullable(LineSchema),
  /** The measure's item in the catalogue (its name). */
  measureItem: LineSchema,
  feedback: FeedbackRecordSchema,
});
export type TypicalCase = z.infer<typeof TypicalCaseSchema>;

export const TypicalCaseResponseSchema = z.strictObject({ typicalCase: TypicalCaseSchema, ...AnswerStampShape });
export type TypicalCaseResponse = z.infer<typeof TypicalCaseResponseSchema>;

/** `GET /api/v1/typical-cases` (admin; `.csv`, `.xlsx`): newest first. */
export const TypicalCaseListSchema = z.strictObject({ typicalCases: z.array(TypicalCaseSchema), ...AnswerStampShape });
export type TypicalCaseList = z.infer<typeof TypicalCaseListSchema>;
