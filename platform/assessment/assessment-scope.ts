import type * as z from 'zod/mini';
import { DEFAULT_FOLLOW_UP_WORKING_DAYS, FollowUpQueryShape } from '../../core/api/follow-up-schema.ts';
import type { Caller } from '../auth/caller.ts';
import { ApiError } from '../server/api-error.ts';
import { statsPeriod, type StatsPeriod } from '../stats/stats-period.ts';

/** The query fields every credit-office endpoint shares. */
type ScopeQuery = { [K in keyof typeof FollowUpQueryShape]?: z.infer<(typeof FollowUpQueryShape)[K]> };

/** What the credit office's figures cover: a period, one department or (null) all, and the feedback deadline. */
export interface AssessmentScope {
  period: StatsPeriod;
  department: string | null;
  workingDays: number;
  /** The day open hits are judged on. */
  judgedOn: string;
}

/**
 * The scope a caller may see (as /stats): an admin (区信用办) every department, or one with
 * `department=`; anyone else their own department only (403 for another). The default period is
 * the 30 days up to the platform's today, which is also the day hits are judged on.
 */
export function assessmentScope(caller: Caller, query: ScopeQuery, today: string): AssessmentScope {
  let department: string | null;
  if (caller.role === 'admin') department = query.department ?? null;
  else {
    department = caller.department ?? '';
    if (query.department !== undefined && query.department !== department)
      throw new ApiError(403, 'forbidden', 'only an admin may see the follow-up of another department');
  }
  const workingDays = query.workingDays === undefined ? DEFAULT_FOLLOW_UP_WORKING_DAYS : Number(query.workingDays);
  return { period: statsPeriod(query, today), department, workingDays, judgedOn: today };
}
