import * as z from 'zod/mini';
import { VERDICT_KINDS } from './check-record-schema.ts';
import { FeedbackOutcomeSchema } from './feedback-schema.ts';
import { AnswerStampShape, IsoDateSchema, LineSchema } from './scalars.ts';

/**
 * `GET /api/v1/stats?from=&to=` (sections (二十八)-(三十): tracking and evaluation): checks
 * performed, verdicts found, feedback given and objections, over a period of China dates
 * (both inclusive). Verdicts are counted when the query is answered, so later list changes do
 * not rewrite history.
 */
export const StatsQuerySchema = z.strictObject({
  from: z.optional(IsoDateSchema),
  to: z.optional(IsoDateSchema),
  /** Admins only: narrow to one department. */
  department: z.optional(LineSchema),
});
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

const count = z.number().check(z.int(), z.minimum(0));

/** How many codes of each verdict kind the checks found. */
export const VerdictCountsSchema = z.strictObject(
  Object.fromEntries(VERDICT_KINDS.map((k) => [k, count])) as Record<(typeof VERDICT_KINDS)[number], typeof count>,
);
export type VerdictCounts = z.infer<typeof VerdictCountsSchema>;

/** Feedback counts by outcome. */
export const OutcomeCountsSchema = z.strictObject({
  total: count,
  ...(Object.fromEntries(FeedbackOutcomeSchema.options.map((o) => [o, count])) as Record<z.infer<typeof FeedbackOutcomeSchema>, typeof count>),
});
export type OutcomeCounts = z.infer<typeof OutcomeCountsSchema>;

export const StatsResponseSchema = z.strictObject({
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** The department the figures are limited to; null: every department (admin). */
  department: z.nullable(LineSchema),
  checks: z.strictObject({
    /** Status and record queries. */
    queries: count,
    /** Codes looked up by those queries (invalid codes are not looked up and not counted). */
    codes: count,
    records: count,
    byDepartment: z.array(z.strictObject({ department: LineSchema, queries: count, codes: count })),
  }),
  verdicts: VerdictCountsSchema,
  feedback: z.strictObject({
    ...OutcomeCountsSchema.shape,
    byDepartment: z.array(z.strictObject({ department: LineSchema, ...OutcomeCountsSchema.shape })),
    byMeasure: z.array(z.strictObject({ measureId: LineSchema, item: LineSchema, ...OutcomeCountsSchema.shape })),
  }),
  objections: z.strictObject({ filed: count, resolved: count, upheld: count, rejected: count }),
  ...AnswerStampShape,
});
export type StatsResponse = z.infer<typeof StatsResponseSchema>;
