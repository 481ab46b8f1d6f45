import * as z from 'zod/mini';
import { MAX_CODE_INPUT_LENGTH, MAX_CODES_PER_STATUS_REQUEST, MAX_ENTRIES_PER_ANSWER } from './api-limits.ts';
import { CheckContextSchema } from './check-context-schema.ts';
import { ListEntrySchema } from './list-entry-schema.ts';
import { AnswerStampShape, LineSchema } from './scalars.ts';
import { SubjectSchema } from './subject-schema.ts';

/** `POST /api/v1/status`: a batch of codes (POST, so codes never sit in URLs and logs). */
export const StatusRequestSchema = z.strictObject({
  codes: z.array(z.string().check(z.minLength(1), z.maxLength(MAX_CODE_INPUT_LENGTH))).check(z.minLength(1), z.maxLength(MAX_CODES_PER_STATUS_REQUEST)),
  context: z.optional(CheckContextSchema),
  /** Why the query is made (recorded in the audit log), e.g. an approval item number. */
  purpose: z.optional(LineSchema),
  /**
   * The department's case the check is made in (as feedback names it): recorded in the audit log,
   * so the credit office can see whether a hit in this case got feedback (issue 19).
   */
  caseReference: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
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
  entries: z.array(ListEntrySchema).check(z.maxLength(MAX_ENTRIES_PER_ANSWER)),
  /**
   * What the answer covers: `full` (every entry the caller's role may see) or `public` (an
   * anonymous caller: published entries only, internal ones left out). Absent means `full`.
   */
  scope: z.optional(z.enum(['public', 'full'])),
  ...AnswerStampShape,
});
export type StatusResult = z.infer<typeof StatusResultSchema>;

/**
 * The answer for one code whose stored data the platform could not answer within the contract
 * (an entry off-schema, more entries than an answer may carry…): the other codes of the batch are
 * still answered. It says nothing about the code — no `found`, `subject` or `entries` — so a
 * client reads it as *unknown*, never as "not listed". Fail-safe for older clients by design:
 * core's strict `StatusResultSchema` before this shape existed rejects it (unknown key `error`,
 * missing `found`), which makes the whole answer off-contract, i.e. every code unknown; a
 * lenient client reading `entries` finds none to iterate rather than an empty list.
 */
export const StatusErrorResultSchema = z.strictObject({
  code: z.string().check(z.maxLength(MAX_CODE_INPUT_LENGTH)),
  error: z.strictObject({
    kind: z.enum(['unavailable']),
    message: LineSchema,
  }),
  ...AnswerStampShape,
});
export type StatusErrorResult = z.infer<typeof StatusErrorResultSchema>;

/** Whether an answer for one code is a per-code error rather than an answer. */
export function isStatusErrorResult(result: StatusResult | StatusErrorResult): result is StatusErrorResult {
  return 'error' in result;
}

export const StatusResponseSchema = z.strictObject({
  results: z.array(z.union([StatusResultSchema, StatusErrorResultSchema])).check(z.maxLength(MAX_CODES_PER_STATUS_REQUEST)),
  ...AnswerStampShape,
});
export type StatusResponse = z.infer<typeof StatusResponseSchema>;
