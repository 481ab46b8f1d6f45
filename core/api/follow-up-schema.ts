import * as z from 'zod/mini';
import { AnswerStampShape, IsoDateSchema, IsoDateTimeSchema, LineSchema, UsccSchema } from './scalars.ts';

/** Working days a department has to give feedback on a hit before it is overdue, unless the query says otherwise. */
export const DEFAULT_FOLLOW_UP_WORKING_DAYS = 5;
/** The most working days a query may allow. */
export const MAX_FOLLOW_UP_WORKING_DAYS = 60;

/**
 * The period and scope of the credit office's follow-up (`GET /api/v1/follow-up`,
 * `GET /api/v1/assessment`): China dates, both inclusive (default: the 30 days up to the
 * platform's today); `department` for admins only; `workingDays` the feedback deadline (1–60).
 */
export const FollowUpQueryShape = {
  from: z.optional(IsoDateSchema),
  to: z.optional(IsoDateSchema),
  department: z.optional(LineSchema),
  /** A query string, so digits: 1–60 working days. */
  workingDays: z.optional(z.string().check(z.regex(/^(?:[1-9]|[1-5]\d|60)$/))),
};

export const FollowUpQuerySchema = z.strictObject({
  ...FollowUpQueryShape,
  status: z.optional(z.enum(['open', 'overdue', 'closed'])),
});
export type FollowUpQuery = z.infer<typeof FollowUpQuerySchema>;

/**
 * Where a hit stands: `closed` once the department gave feedback for the subject in that case,
 * `overdue` when still open after the deadline, `open` before it.
 */
export const HitStatusSchema = z.enum(['open', 'overdue', 'closed']);
export type HitStatus = z.infer<typeof HitStatusSchema>;

const count = z.number().check(z.int(), z.minimum(0));

/** One hit: a department's check that found a subject on an active black (punishment) or red (incentive) list. */
export const FollowUpHitSchema = z.strictObject({
  code: UsccSchema,
  /** black: a punishment is due; red: an incentive. */
  kind: z.enum(['black', 'red']),
  department: LineSchema,
  /** The case the check named; null: the check named none (then each day's checks of the code are one hit). */
  caseReference: z.nullable(LineSchema),
  /** The first check of the hit. */
  checkedAt: IsoDateTimeSchema,
  checkedOn: IsoDateSchema,
  /** Checks of the code this hit stands for (repeated checks in one case are one hit). */
  checks: count,
  /** The last day feedback is on time: the `workingDays`-th working day after `checkedOn`. */
  dueOn: IsoDateSchema,
  status: HitStatusSchema,
  feedbackId: z.nullable(LineSchema),
  feedbackAt: z.nullable(IsoDateTimeSchema),
  /** Calendar days from the check to the feedback, one decimal (0 when the feedback came first). */
  daysToFeedback: z.nullable(z.number().check(z.minimum(0))),
  /** Closed, but with feedback after `dueOn`. */
  late: z.boolean(),
});
export type FollowUpHit = z.infer<typeof FollowUpHitSchema>;

/** Which years the working-day calendar holds the State Council's holiday notice for. */
export const CalendarCoverageSchema = z.strictObject({
  coveredYears: z.array(z.number().check(z.int())),
  /** False when a day the figures depend on lies in a year without a notice (weekends only were assumed there). */
  covered: z.boolean(),
});

/** `GET /api/v1/follow-up`: every hit of the period, oldest first. */
export const FollowUpResponseSchema = z.strictObject({
  from: IsoDateSchema,
  to: IsoDateSchema,
  department: z.nullable(LineSchema),
  workingDays: count,
  /** The day `open` and `overdue` are judged on (the platform's today). */
  judgedOn: IsoDateSchema,
  calendar: CalendarCoverageSchema,
  hits: z.array(FollowUpHitSchema),
  ...AnswerStampShape,
});
export type FollowUpResponse = z.infer<typeof FollowUpResponseSchema>;
