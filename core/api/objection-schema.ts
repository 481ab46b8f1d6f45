import * as z from 'zod/mini';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema, UsccSchema } from './scalars.ts';

/** `POST /api/v1/objections` (section (二十七)): the entry turns `disputed` at once. */
export const ObjectionRequestSchema = z.strictObject({
  code: UsccSchema,
  entryId: LineSchema,
  reason: z.string().check(z.minLength(1), z.maxLength(2000)),
  contact: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ObjectionRequest = z.infer<typeof ObjectionRequestSchema>;

/** `POST /api/v1/objections/{id}/resolve` (admin): upheld → the entry is revoked; rejected → active again. */
export const ObjectionResolutionSchema = z.strictObject({
  outcome: z.enum(['upheld', 'rejected']),
  note: z.optional(z.string().check(z.maxLength(2000))),
});
export type ObjectionResolution = z.infer<typeof ObjectionResolutionSchema>;

export const ObjectionRecordSchema = z.strictObject({
  id: LineSchema,
  code: UsccSchema,
  entryId: LineSchema,
  status: z.enum(['pending', 'upheld', 'rejected']),
  reason: z.string(),
  filedAt: IsoDateTimeSchema,
  resolvedAt: z.nullable(IsoDateTimeSchema),
  department: LineSchema,
});
export type ObjectionRecord = z.infer<typeof ObjectionRecordSchema>;

export const ObjectionResponseSchema = z.strictObject({
  objection: ObjectionRecordSchema,
  entryState: z.enum(['active', 'disputed', 'exited', 'expired', 'revoked']),
  ...AnswerStampShape,
});
export type ObjectionResponse = z.infer<typeof ObjectionResponseSchema>;
