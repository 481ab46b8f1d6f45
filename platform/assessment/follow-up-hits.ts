import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import type { FollowUpHit } from '../../core/api/follow-up-schema.ts';
import { chinaDate } from '../../core/verdict/china-date.ts';
import type { WorkingDayCalendar } from '../holidays/working-day-calendar.ts';

/** One code a department's check found on an active list (from the audit log). */
export interface HitCheck {
  at: string;
  department: string;
  code: string;
  kind: 'black' | 'red';
  caseReference: string | null;
}

/** How hits are judged. */
export interface FollowUpRules {
  /** Working days after the check day within which feedback is on time. */
  workingDays: number;
  /** The day open hits are judged on (the platform's today). */
  judgedOn: string;
  calendar: WorkingDayCalendar;
}

const DAY_MS = 86_400_000;

const hitKey = (c: HitCheck) =>
  [c.department, c.code, c.caseReference === null ? `day:${chinaDate(new Date(c.at))}` : `case:${c.caseReference}`].join('\u0000');

/**
 * The follow-up rules of the credit office (issue 19; sections (二十四), (二十八)): every code a
 * department's check found on an active black list (or red, for incentives) is a hit. Checks of
 * one code in one case are one hit (a page checked again is no new case); checks that name no
 * case are one hit per day. A hit is `closed` by that department's feedback for that subject —
 * in that case when the check named one, otherwise any feedback received at or after the check —
 * else `open`, and `overdue` once `judgedOn` is past the `workingDays`-th working day after the
 * check day (Chinese public holidays and adjusted working days, holidays/). Oldest first.
 */
export function followUpHits(checks: readonly HitCheck[], feedback: readonly FeedbackRecord[], rules: FollowUpRules): FollowUpHit[] {
  const groups = new Map<string, HitCheck[]>();
  for (const check of [...checks].sort((a, b) => a.at.localeCompare(b.at))) {
    const key = hitKey(check);
    const group = groups.get(key) ?? [];
    group.push(check);
    groups.set(key, group);
  }
  const hits: FollowUpHit[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const checkedOn = chinaDate(new Date(first.at));
    const dueOn = rules.calendar.addWorkingDays(checkedOn, rules.workingDays);
    const closing = feedback
      .filter((f) => f.department === first.department && f.code === first.code)
      .filter((f) => (first.caseReference === null ? f.receivedAt >= first.at : f.caseReference === first.caseReference))
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))[0];
    const feedbackAt = closing?.receivedAt ?? null;
    const days = feedbackAt === null ? null : Math.max(0, Math.round(((Date.parse(feedbackAt) - Date.parse(first.at)) / DAY_MS) * 10) / 10);
    hits.push({
      code: first.code,
      kind: first.kind,
      department: first.department,
      caseReference: first.caseReference,
      checkedAt: first.at,
      checkedOn,
      checks: group.length,
      dueOn,
      status: closing ? 'closed' : rules.judgedOn > dueOn ? 'overdue' : 'open',
      feedbackId: closing?.id ?? null,
      feedbackAt,
      daysToFeedback: days,
      late: feedbackAt !== null && chinaDate(new Date(feedbackAt)) > dueOn,
    });
  }
  return hits;
}
