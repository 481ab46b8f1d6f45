import * as z from 'zod/mini';
import { CalendarCoverageSchema, FollowUpQueryShape } from './follow-up-schema.ts';
import { AnswerStampShape, IsoDateSchema, LineSchema } from './scalars.ts';
import { VerdictCountsSchema } from './stats-schema.ts';

/** `GET /api/v1/assessment` (and `.csv`, `.xlsx`): the period, scope and deadline of the follow-up. */
export const AssessmentQuerySchema = z.strictObject(FollowUpQueryShape);
export type AssessmentQuery = z.infer<typeof AssessmentQuerySchema>;

const count = z.number().check(z.int(), z.minimum(0));

/** The figures of one department (or of all, as totals) over the period. */
export const AssessmentFiguresShape = {
  /** Status and record queries, and the codes they looked up. */
  checks: count,
  codes: count,
  hits: count,
  blackHits: count,
  redHits: count,
  closed: count,
  open: count,
  overdue: count,
  /** Closed, with feedback after the deadline. */
  closedLate: count,
  /** closed / hits, 0–1; null without hits. */
  feedbackRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  /** Median calendar days from a hit to its feedback, over closed hits; null without any. */
  medianDaysToFeedback: z.nullable(z.number().check(z.minimum(0))),
  /** Objections the department filed in the period, by where they stand now. */
  objectionsFiled: count,
  objectionsPending: count,
  objectionsUpheld: count,
  objectionsRejected: count,
  /** Of its feedback in the period, how much the credit office marked as a typical case. */
  typicalCases: count,
};

/**
 * One line of the league table (sections (二十八), (三十): 纳入各部门年度绩效考核). Ranked by
 * feedback rate (higher first), then overdue hits (fewer first), then hits (more first);
 * departments without hits share the last rank.
 */
export const DepartmentAssessmentSchema = z.strictObject({
  rank: z.number().check(z.int(), z.minimum(1)),
  department: LineSchema,
  ...AssessmentFiguresShape,
});
export type DepartmentAssessment = z.infer<typeof DepartmentAssessmentSchema>;

export const AssessmentResponseSchema = z.strictObject({
  from: IsoDateSchema,
  to: IsoDateSchema,
  department: z.nullable(LineSchema),
  workingDays: count,
  judgedOn: IsoDateSchema,
  calendar: CalendarCoverageSchema,
  departments: z.array(DepartmentAssessmentSchema),
  totals: z.strictObject(AssessmentFiguresShape),
  /** Checks and hits per China date of the period, every date listed. */
  daily: z.array(z.strictObject({ date: IsoDateSchema, checks: count, hits: count })),
  /** Verdicts the period's checks found (counted at query time). */
  verdicts: VerdictCountsSchema,
  ...AnswerStampShape,
});
export type AssessmentResponse = z.infer<typeof AssessmentResponseSchema>;
