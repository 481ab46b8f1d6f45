import * as z from 'zod/mini';
import { MAX_CODE_INPUT_LENGTH, MAX_CODES_PER_STATUS_REQUEST } from './api-limits.ts';
import { CheckContextSchema } from './check-context-schema.ts';
import { ListEntrySchema } from './list-entry-schema.ts';
import { AnswerStampShape, LineSchema } from './scalars.ts';
import { SubjectSchema } from './subject-schema.ts';

/** `POST /api/v1/status`: a batch of codes (POST, so codes never sit in URLs and logs). */
export const StatusRequestSchema = z.strictObject({
  codes: z
    .array(z.string().check(z.minLength(1), z.maxLength(MAX_CODE_INPUT_LENGTH)))
    .check(z.minLength(1), z.maxLength(MAX_CODES_PER_STATUS_REQUEST)),
  context: z.optional(CheckContextSchema),
  /** Why the query is made (recorded in the audit log), e.g. an approval item number. */
  purpose: z.optional(LineSchema),
});
export type StatusRequest = z.infer<typeof StatusRequestSchema>;

/**
 * The answer for one code. `found: false` means the platform holds no subject for the code (which
 * is itself an answer: nothing is listed). `invalid` codes are answered without a lookup.
 */
export const StatusResultSchema = z.strictObject({
  code: z.string().check(z.maxLength(MAX_CODE_INPUT_LENGTH)),
  found: z.boolean(),
  invalid: z.boolean(),
  subject: z.nullable(SubjectSchema),
  entries: z.array(ListEntrySchema).check(z.maxLength(200)),
  /**
   * What the answer covers: `full` (every entry the caller's role may see) or `public` (an
   * anonymous caller: published entries only, internal ones left out). Absent means `full`.
   */
  scope: z.optional(z.enum(['public', 'full'])),
  ...AnswerStampShape,
});
export type StatusResult = z.infer<typeof StatusResultSchema>;

export const StatusResponseSchema = z.strictObject({
  results: z.array(StatusResultSchema).check(z.maxLength(MAX_CODES_PER_STATUS_REQUEST)),
  ...AnswerStampShape,
});
export type StatusResponse = z.infer<typeof StatusResponseSchema>;
